package io.spinewise.bench.service;

import io.spinewise.launcher.Durability;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The benchmark's PostgreSQL 18: embedded (the same binaries as the tests) on a free port, but
 * with production durability ({@code fsync}, {@code synchronous_commit} and full-page writes on,
 * set over the embedded library's defaults, which turn the first two off, and read back with
 * {@code SHOW}: see {@link #durability()}) and the prod overlay's memory settings, so that write
 * figures mean what they would mean on the CloudNativePG primary. Its log goes to a file, for
 * {@code --explain}.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path log;
    private final Durability durability;

    private BenchDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path log) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.log = log;
        try {
            this.durability = Durability.of(jdbcUrl("postgres"), user(), "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server's durability settings", e);
        }
    }

    /** Starts a fresh durable server in {@code workDirectory}; {@code extraConfig} adds (or overrides) server settings. */
    static BenchDatabase start(Path workDirectory, Map<String, String> extraConfig) {
        try {
            Path data = workDirectory.resolve("postgres").toAbsolutePath();
            Path log = workDirectory.resolve("postgres.log").toAbsolutePath();
            Files.createDirectories(workDirectory);
            Files.deleteIfExists(log);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    // k8s/overlays/prod/database-ha.yaml
                    .setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_connections", "300")
                    // timed in UTC (log_line_prefix keeps its default '%m [%p] '), for laying the log beside the
                    // bench's own timelines (Stalls)
                    .setServerConfig("log_timezone", "UTC")
                    .setServerConfig("log_checkpoints", "on")
                    .setServerConfig("log_autovacuum_min_duration", "0")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Durability.SERVER_SETTINGS.forEach(builder::setServerConfig);
            extraConfig.forEach(builder::setServerConfig);
            return new BenchDatabase(builder.start(), data, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** The durability settings the running server reports. */
    Durability durability() {
        return durability;
    }

    /** {@code shared_buffers} as the running server reports it (the prod overlay's 1GB is asked for). */
    String sharedBuffers() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW shared_buffers")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read shared_buffers", e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String user() {
        return "postgres";
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl(user(), database);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), "postgres");
    }

    /**
     * A service's database as the launcher makes it: owned by the role {@code name}, which runs the
     * migrations, and used by the runtime role {@code name_app}, which holds only the migrations' grants,
     * so the services are measured with the privileges they run with everywhere (passwords = names).
     */
    void createDatabase(String name) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            // the names are the bench's own constants, never input
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
            s.execute("CREATE ROLE " + name + "_app LOGIN PASSWORD '" + name + "_app'");
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
            s.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + name + " TO " + name + "_app");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    Path log() {
        return log;
    }

    /** The postmaster's process id, from its pid file: the root of every backend, for {@link CpuMeter}. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
