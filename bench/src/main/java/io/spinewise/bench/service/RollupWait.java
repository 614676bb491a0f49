package io.spinewise.bench.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * plan-service keeps each patient's settled days' adherence figures in a rollup (migration V16) that its
 * job settles in the background; the dashboard computes the days not settled yet. The bench measures the
 * steady state: it waits until the job has settled the loaded history, then times a rebuild of all of it
 * (every patient set back to nothing settled), which is what the first runs after V16 do with existing data.
 */
final class RollupWait {

    /** AdherenceRollupJob.marginDays(): lateLoggingDays (7) + 2. */
    private static final int MARGIN_DAYS = 9;

    private static final String BEHIND = """
            SELECT count(*) FROM adherence_rollup r JOIN patient p ON p.id = r.patient_id
            WHERE r.settled_through < (now() AT TIME ZONE p.time_zone)::date - %d""".formatted(MARGIN_DAYS);

    private RollupWait() {
    }

    /** Waits for the loaded history to be settled; returns the seconds a rebuild of all of it took. */
    static double settleAndTimeRebuild(Connection c) throws SQLException, InterruptedException {
        c.setAutoCommit(true);
        waitUntilSettled(c);
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE adherence_rollup SET settled_through = '-infinity'");
        }
        long start = System.nanoTime();
        waitUntilSettled(c);
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) adherence_rollup, adherence_day");
            s.execute("VACUUM adherence_rollup, adherence_day");
        }
        return seconds;
    }

    private static void waitUntilSettled(Connection c) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (ClinicData.count(c, BEHIND) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("plan-service's adherence rollup was not settled in 20 minutes");
            }
            Thread.sleep(250);
        }
    }
}
