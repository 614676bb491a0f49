package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./spinewise up | down}: the whole platform on one machine with only a JDK 17.
 * Runs in the foreground; Ctrl-C or {@code ./spinewise down} stops every part cleanly.
 */
public final class Spinewise {

    private Spinewise() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("spinewise.home", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "up" : args[0];
        int status = switch (command) {
            case "up" -> up(home);
            case "down" -> down(home);
            default -> {
                System.err.println("usage: ./spinewise up | down");
                yield 2;
            }
        };
        System.exit(status);
    }

    private static int up(Path home) throws IOException, InterruptedException {
        Path data = home.resolve(".spinewise");
        Platform platform = new Platform(home, data);
        List<String> taken = platform.takenPorts();
        if (!taken.isEmpty()) {
            System.err.println("Cannot start: port " + String.join(", ", taken)
                    + " is already in use. Is Spinewise already running (./spinewise down), or another program on it?");
            return 1;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "spinewise-shutdown"));

        long begin = System.nanoTime();
        System.out.println("Spinewise: starting the local platform (logs in " + platform.logs() + ")");
        try {
            platform.start();
        } catch (LocalStack.StartFailure e) {
            return 1;
        }
        loadDemoActivityOnFirstStart(platform, data);
        Path pidFile = data.resolve("spinewise.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.printf("%nSpinewise is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        platform.urls().forEach((name, url) -> System.out.printf("  %-18s %s%n", name, url));
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
        Files.deleteIfExists(pidFile);
        return 0;
    }

    /** Demo plans and weeks of check-offs, once: the marker file keeps a restart from adding more. */
    private static void loadDemoActivityOnFirstStart(Platform platform, Path data) throws IOException {
        Path marker = data.resolve("demo-activity-loaded");
        if (Files.exists(marker)) {
            return;
        }
        System.out.print("  loading demo activity (plans and six weeks of check-offs) ... ");
        try {
            new DemoActivity(new KeycloakLogins("http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic"),
                    "http://localhost:" + Platform.PLAN_PORT, platform.database()).load();
            Files.writeString(marker, Instant.now().toString());
            System.out.println("done");
        } catch (Exception e) {
            // the platform itself is fine; only the sample data is missing
            System.out.println("skipped (" + e.getMessage() + ")");
        }
    }

    private static int down(Path home) throws IOException {
        Path pidFile = home.resolve(".spinewise/spinewise.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("Spinewise is not running.");
            return 0;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty()) {
            System.out.println("Spinewise is not running (stale " + pidFile + " removed).");
            Files.deleteIfExists(pidFile);
            return 0;
        }
        System.out.println("Stopping Spinewise (pid " + pid + ") ...");
        launcher.get().destroy();
        boolean gone = launcher.get().onExit().completeOnTimeout(null, 90, TimeUnit.SECONDS).join() != null
                || !launcher.get().isAlive();
        System.out.println(gone ? "Stopped." : "Still stopping; see .spinewise/logs.");
        return gone ? 0 : 1;
    }
}
