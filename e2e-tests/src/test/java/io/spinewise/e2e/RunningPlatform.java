package io.spinewise.e2e;

import io.spinewise.launcher.Database;
import io.spinewise.launcher.DemoActivity;
import io.spinewise.launcher.KeycloakLogins;
import io.spinewise.launcher.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole platform, started once per test JVM with the launcher's own code on a fresh data
 * folder, and stopped when the JVM exits. Demo users' tokens are fetched once and reused:
 * Keycloak's password hashing makes every login cost about a second of CPU.
 *
 * <p>With {@code -Dspinewise.e2e.running=true} the tests use a platform that is already up
 * ({@code ./spinewise up}) instead, which makes writing a test quicker; the restart test is then
 * skipped, since the tests do not own that platform.
 */
final class RunningPlatform {

    static final String ISSUER = "http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic";
    static final String CATALOG = "http://localhost:" + Platform.CATALOG_PORT;
    static final String PLAN = "http://localhost:" + Platform.PLAN_PORT;
    static final String WEB = "http://localhost:" + Platform.WEB_PORT;

    private static Platform platform;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final KeycloakLogins LOGINS = new KeycloakLogins(ISSUER);

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null && !alreadyRunning()) {
            Path home = Path.of(System.getProperty("spinewise.home", "..")).toAbsolutePath().normalize();
            Path data = Path.of(System.getProperty("spinewise.e2e.data", "target/stack")).toAbsolutePath();
            deleteTree(data);
            Platform started = new Platform(home, data);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-platform-stop"));
            try {
                started.start();
                loadDemoActivityOnce(started, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            platform = started;
        }
        return platform;
    }

    /**
     * The launcher's demo activity (six weeks of "Mid-back relief" for the demo patients), as
     * {@code ./spinewise up} loads it on a first start, with the same marker file; unlike the
     * launcher, a failure fails the tests, which rely on that history.
     */
    private static void loadDemoActivityOnce(Platform started, Path data) throws IOException {
        Path marker = data.resolve("demo-activity-loaded");
        if (Files.exists(marker)) {
            return;
        }
        try {
            new DemoActivity(LOGINS, PLAN, started.database()).load();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo activity interrupted", e);
        } catch (SQLException e) {
            throw new IllegalStateException("demo activity could not be written", e);
        }
        Files.writeString(marker, Instant.now().toString());
    }

    /** Whether the tests use a platform started elsewhere (see the class comment). */
    static boolean alreadyRunning() {
        return Boolean.getBoolean("spinewise.e2e.running");
    }

    /** A connection to one of the platform's databases, e.g. {@code plan}. */
    static Connection connect(String name) throws SQLException {
        Platform running = get();
        if (running == null) {
            // the embedded database of ./spinewise up
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + Platform.DATABASE_PORT + "/" + name,
                    "postgres", "postgres");
        }
        Database database = running.database();
        return DriverManager.getConnection(database.jdbcUrl(name), database.user(), database.password());
    }

    /** A demo user's access token (password {@code demo}). */
    static String token(String username) {
        get();
        return TOKENS.computeIfAbsent(username, user -> LOGINS.accessToken(user, "demo"));
    }

    static KeycloakLogins logins() {
        get();
        return LOGINS;
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
