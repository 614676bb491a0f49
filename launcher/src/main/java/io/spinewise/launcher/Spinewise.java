package io.spinewise.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./spinewise up | down}: the whole platform on one machine with only a JDK 17.
 * Runs in the foreground; Ctrl-C or {@code ./spinewise down} stops every part cleanly.
 */
public final class Spinewise {

    static final int DATABASE_PORT = 5433;
    static final int CATALOG_PORT = 8081;

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
        Path logs = data.resolve("logs");
        Files.createDirectories(logs);

        Optional<ExternalDatabase> external = externalDatabase();
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (external.isEmpty()) {
            ports.put(DATABASE_PORT, "embedded PostgreSQL");
        }
        ports.put(KeycloakServer.Settings.HTTP_PORT, "Keycloak");
        ports.put(KeycloakServer.Settings.MANAGEMENT_PORT, "Keycloak management");
        ports.put(CATALOG_PORT, "catalog-service");
        List<String> taken = PortCheck.taken(ports);
        if (!taken.isEmpty()) {
            System.err.println("Cannot start: port " + String.join(", ", taken)
                    + " is already in use. Is Spinewise already running (./spinewise down), or another program on it?");
            return 1;
        }

        Database database = external.isPresent() ? external.get()
                : new EmbeddedDatabase(data.resolve("postgres"), DATABASE_PORT);
        List<Part> parts = new ArrayList<>();
        parts.add(database);
        parts.add(new DatabaseSetup(database, List.of("catalog")));
        parts.add(new KeycloakServer(KeycloakServer.Settings.local(KeycloakDistribution.locate(home),
                data.resolve("keycloak"), home.resolve("config/keycloak/realm-clinic-dev.json"))
                .withLogFile(logs.resolve("keycloak.log"))));
        parts.add(new QuarkusService("catalog-service", home.resolve("catalog-service/target/quarkus-app"), CATALOG_PORT,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl("catalog"),
                        "QUARKUS_DATASOURCE_USERNAME", database.user(),
                        "QUARKUS_DATASOURCE_PASSWORD", database.password()),
                logs));

        LocalStack stack = new LocalStack(parts);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "spinewise-shutdown"));

        long begin = System.nanoTime();
        System.out.println("Spinewise: starting the local platform (logs in " + logs + ")");
        try {
            stack.start();
        } catch (LocalStack.StartFailure e) {
            return 1;
        }
        Path pidFile = data.resolve("spinewise.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        System.out.printf("%nSpinewise is up in %.1f s:%n", (System.nanoTime() - begin) / 1e9);
        for (Part part : parts) {
            if (part.url() != null) {
                System.out.printf("  %-18s %s%n", part.name(), part.url());
            }
        }
        System.out.println("  API docs           http://localhost:" + CATALOG_PORT + "/q/swagger-ui");
        System.out.println("\nPress Ctrl-C or run ./spinewise down to stop.");
        stopped.await();
        Files.deleteIfExists(pidFile);
        return 0;
    }

    private static int down(Path home) throws IOException, InterruptedException {
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

    /** An external PostgreSQL when {@code SPINEWISE_DB_URL} names one (a JDBC URL of its maintenance database). */
    private static Optional<ExternalDatabase> externalDatabase() {
        String url = System.getenv("SPINEWISE_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalDatabase(url,
                System.getenv().getOrDefault("SPINEWISE_DB_USER", "postgres"),
                System.getenv().getOrDefault("SPINEWISE_DB_PASSWORD", "")));
    }
}
