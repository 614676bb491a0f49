package io.spinewise.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server that tests run against: one per JVM, so many test classes share
 * one start-up while each of them still gets a database of its own.
 *
 * <p>By default an embedded PostgreSQL (real server binaries, started from Maven artifacts,
 * no Docker needed). When {@code SPINEWISE_TEST_DB_URL} names a server (a JDBC URL of a
 * database the user may connect to, with {@code SPINEWISE_TEST_DB_USER} and
 * {@code SPINEWISE_TEST_DB_PASSWORD}; a superuser, since it creates each test database's roles and
 * hands over its schema), that server is used instead, e.g. a CI database or a container started
 * by hand where Docker exists.
 */
public final class TestDatabaseServer {

    private static TestDatabaseServer instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String urlPrefix;

    private TestDatabaseServer(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.urlPrefix = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
    }

    /** The shared server, started on first use. */
    public static synchronized TestDatabaseServer get() {
        if (instance == null) {
            String external = System.getenv("SPINEWISE_TEST_DB_URL");
            instance = external == null || external.isBlank()
                    ? startEmbedded()
                    : new TestDatabaseServer(external,
                            System.getenv().getOrDefault("SPINEWISE_TEST_DB_USER", "postgres"),
                            System.getenv().getOrDefault("SPINEWISE_TEST_DB_PASSWORD", ""));
        }
        return instance;
    }

    private static TestDatabaseServer startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // deliberately not durable, unlike the servers of ./spinewise up and the bench (launcher's
                    // Durability): test data is thrown away, and fsync off makes schema creation fast
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary data folder is removed either way
                }
            }));
            return new TestDatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Creates an empty database with a unique name and returns its JDBC URL (for the server's own user). */
    public String createDatabase(String purpose) {
        String name = uniqueName(purpose);
        execute(adminUrl, "CREATE DATABASE " + name);
        return urlPrefix + name;
    }

    /**
     * A fresh database as a service gets it in production: owned by a migration role (Flyway runs as it)
     * and used by a runtime role that owns nothing, is no superuser and may only connect; what it may do
     * to the tables is what the service's migrations grant it. A service test that runs as the runtime
     * role proves those grants are enough.
     */
    public ServiceDatabase createServiceDatabase(String purpose) {
        String name = uniqueName(purpose);
        ServiceDatabase database = new ServiceDatabase(urlPrefix + name, name + "_owner", name + "_owner",
                name + "_app", name + "_app");
        // every name is ours (a fixed word and random hex), never input
        execute(adminUrl,
                "CREATE ROLE " + database.owner() + " LOGIN PASSWORD '" + database.ownerPassword() + "'",
                "CREATE ROLE " + database.runtimeUser() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"
                        + " PASSWORD '" + database.runtimePassword() + "'",
                "CREATE DATABASE " + name + " OWNER " + database.owner(),
                "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + name + " TO " + database.runtimeUser());
        // PostgreSQL before 15 lets everyone create in schema public; the owner's schema is the owner's alone
        execute(database.url(), "ALTER SCHEMA public OWNER TO " + database.owner(),
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        return database;
    }

    /**
     * A service's database and its two roles.
     *
     * @param owner       owns the schema; the migrations run as it
     * @param runtimeUser what the service connects as
     */
    public record ServiceDatabase(String url, String owner, String ownerPassword, String runtimeUser,
                                  String runtimePassword) {
    }

    private void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare a test database: " + e.getMessage(), e);
        }
    }

    private static String uniqueName(String purpose) {
        return (purpose.replaceAll("[^a-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
    }

    /** The server's JDBC URL of {@code database}, for the server's own user (a superuser on the embedded server). */
    public String jdbcUrl(String database) {
        return urlPrefix + database;
    }

    /** The server's own user: it creates the databases (the embedded server's superuser). */
    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
