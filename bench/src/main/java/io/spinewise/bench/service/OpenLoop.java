package io.spinewise.bench.service;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The check-off's latency target, a p99 at 70 % of the peak rate, and its fair ceiling: the service in an open loop
 * at that rate ({@link FixedRateLoad}), then pgbench running the service's statement at the same rate on the same
 * server with the pool's 10 connections ({@link PgbenchCeiling#runAtRate}). Both print their stalls beside what the
 * server logged and did meanwhile ({@link Stalls}, {@link StallEvents}); with {@code --diagnose} the server also logs
 * slow statements and lock waits and its wait events are sampled. If pgbench alone stalls, the cause is the server
 * or the disk; if only the service does, the service or the machine's scheduling.
 */
final class OpenLoop {

    /** A request slower than this (the target's p99) is part of a stall. */
    private static final long STALL_MICROS = 25_000;
    /** Clinic ids the split-chain variant spreads the audit records over (by patient), each with V23's own chains. */
    private static final int CHAINS = 16;
    /** Wait events are sampled this often with {@code --diagnose}. */
    private static final int SAMPLE_MILLIS = 5;
    private static final String COUNTERS = """
            SELECT (SELECT wal_bytes FROM pg_stat_wal), (SELECT wal_fpi FROM pg_stat_wal),
                   (SELECT wal_buffers_full FROM pg_stat_wal),
                   (SELECT num_timed + num_requested FROM pg_stat_checkpointer),
                   (SELECT buffers_written FROM pg_stat_checkpointer),
                   (SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal'),
                   (SELECT coalesce(sum(fsync_time), 0) FROM pg_stat_io WHERE object = 'wal'),
                   (SELECT buffers_clean FROM pg_stat_bgwriter)""";

    private final BenchDatabase db;
    private final HttpClient http;
    private final PgbenchCeiling pgbench;
    private final BenchOptions options;
    private final Path work;

    OpenLoop(BenchDatabase db, HttpClient http, PgbenchCeiling pgbench, BenchOptions options, Path work) {
        this.db = db;
        this.http = http;
        this.pgbench = pgbench;
        this.options = options;
        this.work = work;
    }

    /** The open loops at 70 % of the closed loops' best rate; prints their rows, then their stalls. */
    void atSeventyPercent(Scenario scenario, CpuMeter service, long servicePid, List<LoadResult> closedLoops) {
        LoadResult peak = closedLoops.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
        double rate = 0.7 * peak.perSecond();
        Duration window = Duration.ofSeconds(options.seconds());
        try (StallEvents events = StallEvents.start(db, options.diagnose(), SAMPLE_MILLIS)) {
            long[] before = counters();
            double[] podBefore = RunQueue.seconds(servicePid);
            double[] dbBefore = RunQueue.seconds(db.postmasterPid());
            FixedRateLoad.Run run = new FixedRateLoad(http, new CpuMeter(db.postmasterPid()))
                    .measure(scenario, service, rate, 32, window);
            double[] pod = minus(RunQueue.seconds(servicePid), podBefore);
            double[] postgres = minus(RunQueue.seconds(db.postmasterPid()), dbBefore);
            long[] after = counters();
            Report.loadRow(run.result());
            FixedRateLoad.Run database = null;
            FixedRateLoad.Run unchained = null;
            FixedRateLoad.Run split = null;
            long[] afterPgbench = null;
            if (pgbench != null) {
                database = pgbench.runAtRate(ServiceBench.POOL_SIZE, options.seconds(), rate);
                afterPgbench = counters();
                row(database.result());
                // the same without the audit record: what the clinic's audit chain lock, held to the commit, costs
                unchained = pgbench.runAtRate(ServiceBench.POOL_SIZE, options.seconds(), rate,
                        "pgbench, without the audit record, same rate", CheckOffParts.withoutAudit(PgbenchCeiling.statement()));
                row(unchained.result());
                split = pgbench.runAtRate(ServiceBench.POOL_SIZE, options.seconds(), rate, "pgbench, audit record under "
                        + CHAINS + " clinic ids, same rate", CheckOffParts.onChains(PgbenchCeiling.statement(),
                        CHAINS));
                row(split.result());
            }
            Report.line("");
            Report.line("check-off at 70 %% of its peak (%.0f of %.0f/s, concurrency %d): p99 %.1f ms (target ≤ 25 ms)%s;"
                    + " latency counted from each request's scheduled time", rate, peak.perSecond(), peak.concurrency(),
                    run.result().percentileMillis(99), database == null ? "" : String.format(Locale.ROOT, ", pgbench at"
                            + " the same rate: p99 %.1f ms, without the audit record: %.1f ms, under %d clinic ids: %.1f ms",
                            database.result().percentileMillis(99), unchained.result().percentileMillis(99), CHAINS,
                            split.result().percentileMillis(99)));
            server("service's open loop", before, after, options.seconds());
            Report.line("");
            Report.line("scheduling during the service's open loop: plan-service's threads ran %.2f s and waited %.2f s"
                    + " for a core while runnable (%.2f ms a request); PostgreSQL's processes ran %.2f s and waited"
                    + " %.2f s (/proc/*/task/*/schedstat)", pod[0], pod[1], 1000 * pod[1] / Math.max(1, run.timeline().size()),
                    postgres[0], postgres[1]);
            stalls("Service's open loop", run.timeline(), events, "open-loop-service.txt");
            if (database != null) {
                server("pgbench at the same rate", after, afterPgbench, options.seconds());
                stalls("pgbench at the same rate", database.timeline(), events, "open-loop-pgbench.txt");
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("the open loop's ceiling failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The timeline's stalls with the events of its window; the timeline itself into {@code file} for a look by hand. */
    private void stalls(String label, Timeline timeline, StallEvents events, String file) {
        timeline.write(work.resolve(file));
        if (timeline.size() > 0) {
            Stalls.print(label, timeline, STALL_MICROS, events.between(timeline.scheduled(0),
                    timeline.answered(timeline.size() - 1)), 8);
        }
    }

    private static double[] minus(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1]};
    }

    private static void row(LoadResult r) {
        Report.line("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | – | – | – |", r.call(), r.concurrency(),
                r.calls(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99),
                r.errors());
    }

    /** What the server did between two readings of its counters: WAL, checkpoints, flushes. */
    private static void server(String label, long[] a, long[] b, int seconds) {
        Report.line("");
        Report.line("server during the %s (%d s): WAL %.1f MB (%d full-page images, %d times WAL buffers full),"
                        + " %d checkpoints writing %d buffers, WAL fsyncs %d taking %.0f ms (track_wal_io_timing %s),"
                        + " background writer %d buffers", label, seconds, (b[0] - a[0]) / 1e6, b[1] - a[1], b[2] - a[2],
                b[3] - a[3], b[4] - a[4], b[5] - a[5], (b[6] - a[6]) / 1.0, b[6] > 0 ? "on" : "off: 0", b[7] - a[7]);
    }

    private long[] counters() throws SQLException {
        try (Connection c = db.connect("plan"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(COUNTERS)) {
            r.next();
            long[] values = new long[8];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round(r.getDouble(i + 1));
            }
            return values;
        }
    }
}
