package io.spinewise.launcher;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;

/** A PostgreSQL server the environment names ({@code SPINEWISE_DB_URL} and friends); not started or stopped here. */
final class ExternalDatabase extends Database {

    private final String adminUrl;
    private final String user;
    private final String password;

    ExternalDatabase(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** An external PostgreSQL when {@code SPINEWISE_DB_URL} names one (a JDBC URL of its maintenance database). */
    static Optional<ExternalDatabase> fromEnvironment() {
        String url = System.getenv("SPINEWISE_DB_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalDatabase(url,
                System.getenv().getOrDefault("SPINEWISE_DB_USER", "postgres"),
                System.getenv().getOrDefault("SPINEWISE_DB_PASSWORD", "")));
    }

    @Override
    public String name() {
        return "postgresql (external)";
    }

    @Override
    public void start(Duration timeout) throws Exception {
        try (Connection ignored = DriverManager.getConnection(adminUrl, user, password)) {
            // reachable with these credentials: nothing else to do
        }
    }

    @Override
    public void stop() {
        // not ours to stop
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public String url() {
        return adminUrl;
    }

    @Override
    String adminUrl() {
        return adminUrl;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }
}
