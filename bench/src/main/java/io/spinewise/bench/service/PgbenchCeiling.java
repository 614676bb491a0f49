package io.spinewise.bench.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's ceiling for check-offs: {@code pgbench} running plan-service's own check-off
 * statement ({@code checkoff.pgbench.sql}) with prepared statements, as many clients as the
 * service has connections, straight against PostgreSQL: no HTTP, no JSON, no token. Latencies
 * come from pgbench's per-transaction log.
 */
final class PgbenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final BenchDatabase db;
    private final Path work;
    private final CheckOffDates dates;
    private final CoreLayout layout;
    /** Where the next run's numbering starts: past every (patient, day, slot) an earlier run took. */
    private long base;

    /** {@code lateShare}: the percentage of check-offs dated back, as the service's ({@link CheckOffDates}). */
    PgbenchCeiling(BenchDatabase db, Path work, int lateShare, CoreLayout layout) {
        this.db = db;
        this.layout = layout;
        this.work = work;
        this.dates = new CheckOffDates(ClinicData.POOL_PGBENCH, lateShare);
    }

    static boolean available() {
        try {
            return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String version() {
        try {
            Process p = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "pgbench (version unknown)";
        }
    }

    /** Runs {@code clients} pgbench clients for {@code seconds} on the service's whole statement. */
    LoadResult run(int clients, int seconds) throws IOException, InterruptedException {
        return run(clients, seconds, statement(), "");
    }

    /** The service's check-off statement as pgbench runs it. */
    static String statement() {
        try (InputStream in = PgbenchCeiling.class.getResourceAsStream("checkoff.pgbench.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code clients} pgbench clients for {@code seconds} on the given script, each session started with
     * {@code sessionOptions} ({@code PGOPTIONS}, e.g. {@code -c synchronous_commit=off}).
     */
    LoadResult run(int clients, int seconds, String statement, String sessionOptions)
            throws IOException, InterruptedException {
        return run(clients, seconds, statement, sessionOptions, List.of()).result();
    }

    /**
     * The service's statement at a fixed rate ({@code pgbench -R}, transactions scheduled at random like arrivals),
     * the open loop's ceiling: each latency counts from the transaction's scheduled start, so a stall of the server
     * shows as the queue behind it, as in {@link FixedRateLoad}. "concurrency" is the clients, the pool's size.
     */
    FixedRateLoad.Run runAtRate(int clients, int seconds, double perSecond) throws IOException, InterruptedException {
        return runAtRate(clients, seconds, perSecond, "pgbench, same statement at a fixed rate", statement());
    }

    /** As {@link #runAtRate(int, int, double)} with another statement, e.g. {@link CheckOffParts#withoutAudit}. */
    FixedRateLoad.Run runAtRate(int clients, int seconds, double perSecond, String label, String statement)
            throws IOException, InterruptedException {
        FixedRateLoad.Run run = run(clients, seconds, statement, "",
                List.of("-R", String.format(Locale.ROOT, "%.1f", perSecond)));
        LoadResult r = run.result();
        return new FixedRateLoad.Run(LoadResult.of(label, clients, r.errors(), r.seconds(), r.sortedNanos(), 0, 0, 0),
                run.timeline());
    }

    private FixedRateLoad.Run run(int clients, int seconds, String statement, String sessionOptions,
                                  List<String> extra) throws IOException, InterruptedException {
        Path script = work.resolve("checkoff.pgbench.sql");
        Files.writeString(script, statement);
        Path logs = Files.createDirectories(work.resolve("pgbench-" + clients));
        try (Stream<Path> old = Files.list(logs)) {
            old.forEach(p -> p.toFile().delete());
        }
        List<String> command = new ArrayList<>(layout.pgbenchPrefix());
        command.addAll(List.of("pgbench", "-n", "-M", "prepared",
                "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)),
                "-T", Integer.toString(seconds), "-f", script.toString(),
                "-l", "--log-prefix=" + logs.resolve("tx"),
                "-D", "first=" + ClinicData.POOL_HTTP, "-D", "half=" + ClinicData.POOL_PGBENCH,
                "-D", "lateshare=" + dates.lateShare(),
                "-D", "clients=" + clients, "-D", "n=0", "-D", "base=" + base,
                "-D", "planprefix=" + ClinicData.POOL + ":plan:", "-D", "items=" + ClinicData.CHECKOFF_ITEMS,
                "-h", "localhost", "-p", Integer.toString(db.port()), "-U", db.user()));
        command.addAll(extra);
        command.add("plan");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGPASSWORD", "postgres", "PGTZ", "UTC", "PGOPTIONS", sessionOptions));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench's output:\n" + output);
        }
        List<String[]> log = log(logs);
        long[] latencies = log.stream().mapToLong(fields -> Long.parseLong(fields[2]) * 1000).toArray();
        Timeline timeline = new Timeline();
        for (String[] fields : log) {
            // time (µs, from the scheduled start under -R), ..., time_epoch, time_us (the end), [schedule_lag]
            long answered = Long.parseLong(fields[4]) * 1_000_000 + Long.parseLong(fields[5]);
            long scheduled = answered - Long.parseLong(fields[2]);
            timeline.add(scheduled, scheduled + (fields.length > 6 ? Long.parseLong(fields[6]) : 0), answered);
        }
        long rounds = log.stream().mapToLong(fields -> Long.parseLong(fields[1]) + 1).max().orElse(0);
        base += clients * rounds;
        if (!dates.fits(base)) {
            // past the pool's free pairs the statement inserts nothing, and pgbench would count the empty transactions
            throw new IllegalStateException("pgbench used up the pool's free check-off slots (" + base + " check-offs, "
                    + dates.todayCapacity() + " dated today fit): raise ClinicData.POOL_PGBENCH");
        }
        long failed = output.lines().filter(l -> l.startsWith("number of failed transactions"))
                .map(l -> l.replaceAll("^[^:]*: *([0-9]+).*$", "$1")).mapToLong(Long::parseLong).findFirst().orElse(0);
        // the rate is pgbench's own (connection set-up excluded); the latencies are from its log
        double rate = Double.parseDouble(tps.group(1));
        return new FixedRateLoad.Run(LoadResult.of("pgbench, same statement", clients, failed, latencies.length / rate,
                latencies, 0, 0, 0), Timeline.merge(List.of(timeline)));
    }

    /** pgbench's per-transaction log: client, transaction number, latency (µs), script, time, µs[, lag µs]. */
    private static List<String[]> log(Path logs) {
        try (Stream<Path> files = Files.list(logs)) {
            return files.flatMap(PgbenchCeiling::lines).map(line -> line.split(" ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
