package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * {@code ./spinewise up | down}: the whole platform on one machine with only a JDK 17.
 * Runs in the foreground; Ctrl-C or {@code ./spinewise down} stops every part cleanly.
 * {@code ./spinewise backup [FILE]} and {@code restore FILE} save and bring back its data ({@link Backup},
 * {@link Restore}).
 *
 * <p>The data folder (PostgreSQL's data, Keycloak's store, logs, the pid file) is
 * {@code .spinewise/} in the checkout unless {@code -Dspinewise.data} or {@code SPINEWISE_DATA}
 * names another, e.g. for a test run beside a developer's own platform.
 */
public final class Spinewise {

    static final String PID_FILE = "spinewise.pid";
    private static final String MAIN_CLASS = Spinewise.class.getName();

    private Spinewise() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("spinewise.home", ".")).toAbsolutePath().normalize();
        Path data = dataFolder(home, System.getProperty("spinewise.data"), System.getenv("SPINEWISE_DATA"));
        String command = args.length == 0 ? "up" : args[0];
        int status = switch (command) {
            case "up" -> {
                Platform platform = new Platform(home, data);
                yield up(platform, data, () -> new DemoActivity(
                        new KeycloakLogins("http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic"),
                        "http://localhost:" + Platform.PLAN_PORT, platform.database()).load());
            }
            case "down" -> down(data);
            case "backup" -> backup(data, args.length > 1 ? workingFolder().resolve(args[1])
                    : Backup.defaultFile(workingFolder(), Instant.now()));
            case "restore" -> {
                if (args.length != 2) {
                    System.err.println("usage: ./spinewise restore FILE");
                    yield 2;
                }
                yield restore(home, data, workingFolder().resolve(args[1]));
            }
            default -> {
                System.err.println("usage: ./spinewise up | down | backup [FILE] | restore FILE");
                yield 2;
            }
        };
        System.exit(status);
    }

    /** Where the command was typed (the script changes to the checkout): relative file names are meant from there. */
    private static Path workingFolder() {
        return Path.of(System.getProperty("spinewise.cwd", ".")).toAbsolutePath().normalize();
    }

    static int backup(Path data, Path file) {
        try {
            return new Backup(data).run(file.toAbsolutePath().normalize());
        } catch (Exception e) {
            System.err.println("Spinewise: the backup failed: " + e + ". No backup file was written.");
            return 1;
        }
    }

    static int restore(Path home, Path data, Path file) {
        try {
            return new Restore(home, data).run(file.toAbsolutePath().normalize());
        } catch (Exception e) {
            System.err.println("Spinewise: the restore failed half-way: " + e + ". The data folder " + data
                    + " is partly restored; run the restore again before ./spinewise up.");
            return 1;
        }
    }

    /** The system property wins over the environment; both default to {@code .spinewise/} in the checkout. */
    static Path dataFolder(Path home, String property, String environment) {
        String named = property != null && !property.isBlank() ? property
                : environment != null && !environment.isBlank() ? environment : null;
        return named == null ? home.resolve(".spinewise") : Path.of(named).toAbsolutePath().normalize();
    }

    /**
     * Starts the platform, loads the demo activity on its first start, prints where everything is
     * and waits until the JVM is asked to stop. Returns at once with 1 when a port is taken, a
     * part does not start or the demo activity cannot be loaded; the platform is then stopped.
     */
    static int up(Platform platform, Path data, DemoActivity.Loader demo) throws IOException, InterruptedException {
        Path pidFile = data.resolve(PID_FILE);
        List<String> taken = platform.takenPorts();
        if (!taken.isEmpty()) {
            String hint = runningLauncher(pidFile)
                    .map(p -> "Spinewise is already running (pid " + p.pid() + "); ./spinewise down stops it.")
                    .orElse("Is Spinewise running from another folder (./spinewise down there), or another program on it?");
            System.err.println("Cannot start: " + PortCheck.describe(taken) + " already in use. " + hint);
            return 1;
        }

        Files.createDirectories(data);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        // the pid file goes with the platform, whichever way the JVM ends (Ctrl-C, ./spinewise down, a failure)
        Thread shutdown = new Thread(() -> {
            stopping.set(true);
            platform.close();
            deletePidFile(pidFile);
            stopped.countDown();
        }, "spinewise-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        // written before the start, so that ./spinewise down can also stop a platform that is still starting
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        long begin = System.nanoTime();
        System.out.println("Spinewise: starting the local platform (data in " + data + ", logs in " + platform.logs() + ")");
        try {
            platform.start();
            DemoActivity.loadOnFirstStart(data, () -> {
                System.out.print("  loading demo activity (plans and six weeks of check-offs) ... ");
                System.out.flush();
                demo.load();
                System.out.println("done");
            });
        } catch (LocalStack.StartFailure e) {
            // already reported with the part's log; the parts that did start are stopped
            stopNow(platform, pidFile, shutdown);
            return 1;
        } catch (DemoActivity.LoadFailed e) {
            if (!stopping.get()) {
                System.out.println("FAILED");
                System.err.println("Spinewise: loading the demo activity failed: " + e.getMessage());
                System.err.println("  Stopping the platform. Nothing was marked as loaded, so the next ./spinewise up"
                        + " loads it again (what an earlier attempt loaded is not loaded twice). Logs: " + platform.logs());
            }
            stopNow(platform, pidFile, shutdown);
            return 1;
        }
        System.out.printf("%nSpinewise is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        platform.urls().forEach((name, url) -> System.out.printf("  %-18s %s%n", name, url));
        printDurability(platform.database());
        System.out.println("  API docs           http://localhost:" + Platform.CATALOG_PORT + "/q/swagger-ui, http://localhost:"
                + Platform.PLAN_PORT + "/q/swagger-ui");
        System.out.println("""

                Log in at http://localhost:%d with one of the demo users (password: demo):
                  Northside Chiropractic (north): dr.ada (chiropractor), admin.nora (clinic admin),
                                                  patient.paul, patient.petra (patients)
                  Southside Spine Care (south):   dr.ben (chiropractor), admin.sol (clinic admin),
                                                  patient.sam (patient)
                Keycloak admin console: http://localhost:%d/admin (admin/admin)

                Press Ctrl-C or run ./spinewise down to stop.""".formatted(Platform.WEB_PORT, Platform.KEYCLOAK_PORT));
        stopped.await();
        return 0;
    }

    /**
     * Prints the database server's effective durability settings; warns when an external server
     * (the user's own, which the launcher does not configure) could lose acknowledged writes.
     */
    static void printDurability(Database database) {
        if (database == null) {
            return;
        }
        try {
            Durability settings = database.durability();
            System.out.printf("  %-18s %s%n", "durability", settings);
            if (!settings.durable()) {
                System.err.println("WARNING: the PostgreSQL at " + database.url() + " is not durable (" + settings
                        + "): a crash can lose check-offs that were already confirmed. Set fsync=on,"
                        + " synchronous_commit=on and full_page_writes=on on that server.");
            }
        } catch (SQLException e) {
            System.err.println("WARNING: could not read the durability settings of " + database.url() + ": " + e.getMessage());
        }
    }

    /** Stops the platform from the main thread, unless the shutdown hook is already doing it. */
    private static void stopNow(Platform platform, Path pidFile, Thread shutdown) {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook stops the platform
            return;
        }
        platform.close();
        deletePidFile(pidFile);
    }

    private static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("could not delete " + pidFile + ": " + e.getMessage());
        }
    }

    /** Signals the launcher named by the pid file and waits until it and every part it started are gone. */
    static int down(Path data) throws IOException {
        Path pidFile = data.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            System.out.println("Spinewise is not running (no " + pidFile + ").");
            return 0;
        }
        Optional<ProcessHandle> launcher = runningLauncher(pidFile);
        if (launcher.isEmpty()) {
            // a launcher killed outright leaves its pid file, and the pid may since belong to another program
            Files.deleteIfExists(pidFile);
            System.out.println("Spinewise is not running (removed the stale " + pidFile + ").");
            return 0;
        }
        long pid = launcher.get().pid();
        System.out.println("Stopping Spinewise (pid " + pid + ") ...");
        launcher.get().destroy();
        boolean gone = launcher.get().onExit().completeOnTimeout(null, 90, TimeUnit.SECONDS).join() != null
                || !launcher.get().isAlive();
        if (!gone) {
            System.out.println("Still stopping after 90 s; see " + data.resolve("logs") + ".");
            return 1;
        }
        Files.deleteIfExists(pidFile);
        List<String> taken = PortCheck.taken(Platform.ports());
        if (!taken.isEmpty()) {
            System.out.println("Stopped Spinewise, but " + PortCheck.describe(taken) + " still in use.");
            return 1;
        }
        System.out.println("Stopped; ports " + Platform.ports().keySet().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + " are free.");
        return 0;
    }

    /** The live launcher that the pid file names; empty when there is none (no file, or a stale one). */
    static Optional<ProcessHandle> runningLauncher(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(Spinewise::isLauncher);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process runs this launcher, so that a pid that a killed launcher left behind and
     * another program now has is never signalled. Where the system does not tell a process's
     * command line, the pid file is trusted.
     */
    static boolean isLauncher(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine().map(line -> line.contains(MAIN_CLASS)).orElse(true);
    }
}
