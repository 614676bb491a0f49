package io.spinewise.fault;

import io.spinewise.launcher.KeycloakLogins;
import io.spinewise.launcher.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one platform every fault test shares: the launcher's {@link Platform} run in this JVM (not
 * {@code ./spinewise up} as a child), so that a test can kill, stop and start its parts one by
 * one. Fresh data folder per run; stopped when the JVM ends.
 */
final class FaultPlatform {

    static final String ISSUER = "http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic";
    static final String PLAN = "http://localhost:" + Platform.PLAN_PORT;
    static final String CATALOG = "http://localhost:" + Platform.CATALOG_PORT;
    static final String WEB = "http://localhost:" + Platform.WEB_PORT;

    private static final Path HOME = Path.of(System.getProperty("spinewise.home", "..")).toAbsolutePath().normalize();
    private static final Path DATA = Path.of(System.getProperty("spinewise.fault.data", "target/stack")).toAbsolutePath();

    private static Platform platform;

    private FaultPlatform() {
    }

    /** The running platform, started on first use. */
    static synchronized Platform get() {
        if (platform == null) {
            deleteTree(DATA);
            Platform started = new Platform(HOME, DATA);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fault-platform-stop"));
            System.out.println("Fault tests: starting the platform in " + DATA);
            try {
                started.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            platform = started;
        }
        return platform;
    }

    static KeycloakLogins logins() {
        return new KeycloakLogins(ISSUER);
    }

    /** A connection to plan-service's own database, to check what was stored. */
    static Connection planDatabase() throws SQLException {
        Platform p = get();
        return DriverManager.getConnection(p.database().jdbcUrl("plan"), p.database().user(), p.database().password());
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
