package io.spinewise.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from Maven artifacts (no installation, no Docker), whose data
 * folder lives in the checkout's ignored {@code .spinewise/} folder so the clinic's data
 * survives a restart. Durability settings stay at PostgreSQL's safe defaults.
 */
final class EmbeddedDatabase extends Database {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    EmbeddedDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public void start(Duration timeout) throws IOException {
        Files.createDirectories(dataDirectory);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // TCP only: a Unix socket in the shared /tmp would clash with any other PostgreSQL on this port
                // number (a system server, or a second platform in another network namespace)
                .setServerConfig("unix_socket_directories", "")
                .setPGStartupWait(timeout)
                .start();
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            postgres = null;
        }
    }

    @Override
    public Path logFile() {
        return null;
    }

    @Override
    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/ (user postgres, embedded, data in " + dataDirectory + ")";
    }

    @Override
    String adminUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }
}
