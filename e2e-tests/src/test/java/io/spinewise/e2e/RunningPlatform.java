package io.spinewise.e2e;

import io.spinewise.launcher.Database;
import io.spinewise.launcher.KeycloakLogins;
import io.spinewise.launcher.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The whole platform, started once per test JVM exactly as a user starts it — {@code ./spinewise up}
 * as a child process, on a fresh data folder ({@code target/stack}) — and stopped as Ctrl-C stops
 * it when the JVM exits. The launcher loads the demo activity on that first start (the marker
 * file {@code <data>/demo-activity-loaded} says so), so every test sees six weeks of history.
 * {@link LauncherIT} checks what it printed, stops it with {@code ./spinewise down} and starts it
 * again. Demo users' tokens are fetched once and reused for a few minutes: Keycloak's password hashing
 * makes every login cost about a second of CPU.
 *
 * <p>The services send their traces to {@link #traces()}, an OTLP receiver in this JVM standing in for the
 * operator's collector ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, OTLP/HTTP), so every test runs with tracing on.
 *
 * <p>With {@code -Dspinewise.e2e.running=true} the tests use a platform that is already up
 * ({@code ./spinewise up}) instead, which makes writing a test quicker; the tests that stop and
 * restart the platform are then skipped, since the tests do not own that platform.
 */
final class RunningPlatform {

    static final String ISSUER = "http://localhost:" + Platform.KEYCLOAK_PORT + "/realms/clinic";
    static final String CATALOG = "http://localhost:" + Platform.CATALOG_PORT;
    static final String PLAN = "http://localhost:" + Platform.PLAN_PORT;
    static final String WEB = "http://localhost:" + Platform.WEB_PORT;

    private static final Path HOME = Path.of(System.getProperty("spinewise.home", "..")).toAbsolutePath().normalize();
    /** Receives the platform's spans; none on a platform started elsewhere, which sends them where its user chose. */
    private static final OtlpReceiver TRACES = alreadyRunning() ? null : new OtlpReceiver();
    /** On a platform started elsewhere, the launcher is the user's, with its data in the checkout's .spinewise/. */
    private static final Launcher LAUNCHER = new Launcher(HOME, alreadyRunning() ? HOME.resolve(".spinewise")
            : Path.of(System.getProperty("spinewise.e2e.data", "target/stack")).toAbsolutePath(),
            TRACES == null ? Map.of() : Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", TRACES.endpoint(),
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
    /**
     * Reuse a token for at most this long: the realm's access tokens live 5 minutes, and a suite on
     * a slow machine outlives one (a reused expired token made later tests fail with 401).
     */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(3);
    private static final Map<String, Fetched> TOKENS = new ConcurrentHashMap<>();
    private static final KeycloakLogins LOGINS = new KeycloakLogins(ISSUER);

    private static Launcher.Up firstStart;
    private static Launcher.Up current;

    private RunningPlatform() {
    }

    /** The platform's first start in this JVM (null when the tests use one started elsewhere). */
    static synchronized Launcher.Up get() {
        if (firstStart == null && !alreadyRunning()) {
            deleteTree(LAUNCHER.data());
            Runtime.getRuntime().addShutdownHook(new Thread(RunningPlatform::stop, "e2e-platform-stop"));
            firstStart = LAUNCHER.up();
            current = firstStart;
        }
        return firstStart;
    }

    /** {@code ./spinewise up} again on the same data folder, after {@code ./spinewise down} stopped it. */
    static synchronized Launcher.Up startAgain() {
        get();
        stop();
        current = LAUNCHER.up();
        return current;
    }

    /** The platform as it runs now: the first start, or the one after {@link #startAgain()}. */
    static synchronized Launcher.Up current() {
        get();
        return current;
    }

    /** The spans the platform exported so far (empty on a platform started elsewhere). */
    static List<OtlpReceiver.Span> traces() {
        get();
        return TRACES == null ? List.of() : TRACES.spans();
    }

    static Launcher launcher() {
        return LAUNCHER;
    }

    private static synchronized void stop() {
        if (current != null) {
            current.stop();
        }
    }

    /** Whether the tests use a platform started elsewhere (see the class comment). */
    static boolean alreadyRunning() {
        return Boolean.getBoolean("spinewise.e2e.running");
    }

    /** A connection to one of the platform's databases, e.g. {@code plan}. */
    static Connection connect(String name) throws SQLException {
        get();
        // the server the launcher uses for this data folder: the embedded one, or the one SPINEWISE_DB_URL names
        Database database = Platform.databaseFor(LAUNCHER.data());
        return DriverManager.getConnection(database.jdbcUrl(name), database.user(), database.password());
    }

    /** The folder where the launcher writes each part's log ({@code <data>/logs}). */
    static Path logs() {
        get();
        return LAUNCHER.data().resolve("logs");
    }

    /** A demo user's access token (password {@code demo}). */
    static String token(String username) {
        get();
        return TOKENS.compute(username, (user, known) -> known != null && known.fresh() ? known
                : new Fetched(LOGINS.accessToken(user, "demo"), Instant.now())).token();
    }

    private record Fetched(String token, Instant at) {

        boolean fresh() {
            return at.plus(TOKEN_REUSE).isAfter(Instant.now());
        }
    }

    static KeycloakLogins logins() {
        get();
        return LOGINS;
    }

    static void deleteTree(Path root) {
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
