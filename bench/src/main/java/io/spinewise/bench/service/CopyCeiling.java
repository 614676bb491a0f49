package io.spinewise.bench.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The database's ceiling for the CSV report: {@code psql} running the report's own query as
 * {@code COPY (...) TO STDOUT WITH (FORMAT csv, HEADER)} (what {@code \copy} does) into a file,
 * with the same settings the service sets. No HTTP, no JVM: PostgreSQL writing CSV to a socket.
 */
final class CopyCeiling {

    private final BenchDatabase db;
    private final Path work;

    CopyCeiling(BenchDatabase db, Path work) {
        this.db = db;
        this.work = work;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("psql", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What psql costs before any COPY: process start, connection, one trivial query (best of 3). */
    double startupSeconds() throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            run(List.of("-c", "SELECT 1"), ProcessBuilder.Redirect.DISCARD);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    /** Exports the clinic's days {@code from}..{@code to} as of {@code now} into {@code out}; returns the seconds taken. */
    double export(String clinic, LocalDate from, LocalDate to, Instant now, Path out)
            throws IOException, InterruptedException {
        String query;
        try (InputStream in = CopyCeiling.class.getResourceAsStream("adherence-report.sql")) {
            query = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*\n", "").strip();
        }
        Path script = work.resolve("adherence-copy.psql");
        Files.writeString(script, "SELECT set_config('spinewise.sql_now', :'now', false),"
                + " set_config('spinewise.sql_clinic', :'clinic', false),"
                + " set_config('spinewise.sql_from', :'from', false), set_config('spinewise.sql_to', :'to', false),"
                + " set_config('spinewise.sql_chiro', '', false) \\g /dev/null\n"
                + "COPY (" + query + ") TO STDOUT WITH (FORMAT csv, HEADER);\n");
        long start = System.nanoTime();
        run(List.of("-v", "now=" + now, "-v", "clinic=" + clinic, "-v", "from=" + from, "-v", "to=" + to,
                "-f", script.toString()), ProcessBuilder.Redirect.to(out.toFile()));
        return (System.nanoTime() - start) / 1e9;
    }

    private void run(List<String> arguments, ProcessBuilder.Redirect output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", "localhost", "-p", Integer.toString(db.port()), "-U", db.user(), "-d", "plan"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(Map.of("PGPASSWORD", "postgres"));
        Process process = builder.start();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + errors);
        }
    }
}
