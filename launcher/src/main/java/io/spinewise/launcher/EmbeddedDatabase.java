package io.spinewise.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server from Maven artifacts (no installation, no Docker), whose data
 * folder lives in the checkout's ignored {@code .spinewise/} folder so the clinic's data
 * survives a restart. It holds clinical data, so it runs durable ({@link Durability}): the
 * embedded library's own defaults (fsync and synchronous commit off) are overridden, and the
 * start fails when the running server reports otherwise.
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
    public void start(Duration timeout) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // TCP only: a Unix socket in the shared /tmp would clash with any other PostgreSQL on this port
                // number (a system server, or a second platform in another network namespace)
                .setServerConfig("unix_socket_directories", "")
                .setPGStartupWait(timeout);
        // passed as -c after the library's -F, so they win
        Durability.SERVER_SETTINGS.forEach(builder::setServerConfig);
        postgres = builder.start();
        Durability settings = durability();
        if (!settings.durable()) {
            throw new IllegalStateException("the embedded PostgreSQL is not durable (" + settings + ")");
        }
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

    /**
     * SIGKILL to the postmaster and every backend at once, as a power cut would end them: no
     * checkpoint, no flush beyond what a commit already forced to disk. A later {@link #start}
     * recovers from the WAL.
     */
    @Override
    public void kill() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    List<ProcessHandle> all = postmaster.descendants().toList();
                    postmaster.destroyForcibly();
                    all.forEach(ProcessHandle::destroyForcibly);
                    postmaster.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                    all.forEach(p -> p.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join());
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + pidFile, e);
        }
        // releases the library's lock on the data folder; its pg_ctl stop finds no server, which it logs
        stop();
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
