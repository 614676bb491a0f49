package io.spinewise.bench.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * plan-service keeps each patient's settled days' adherence figures in a rollup (migration V16) that its
 * job settles in the background; the dashboard computes the days not settled yet. The bench measures the
 * steady state: it waits until the job has settled the loaded history, then times a rebuild of all of it
 * (every patient set back to nothing settled), which is what the first runs after V16 do with existing data,
 * and the settling of one more day for every patient, which is what each night brings.
 */
final class RollupWait {

    /** The job settles through today minus its margin (AdherenceRollupJob.marginDays()), whatever it is: 1..9. */
    private static final String BEHIND = """
            SELECT count(*) FROM adherence_rollup r JOIN patient p ON p.id = r.patient_id
            WHERE r.settled_through < (now() AT TIME ZONE p.time_zone)::date - %d""";

    /** The margin the job keeps, read back: the days from the most patients' settled_through to their today. */
    private static final String MARGIN = """
            SELECT (now() AT TIME ZONE p.time_zone)::date - r.settled_through FROM adherence_rollup r
            JOIN patient p ON p.id = r.patient_id
            GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""";

    /** The bench's job period (Services: spinewise.adherence-rollup.every). */
    private static final Duration JOB_PERIOD = Duration.ofSeconds(2);

    /** What a wait for the job cost: seconds, and the CPU seconds of PostgreSQL and of plan-service meanwhile. */
    record Settling(double seconds, double databaseCpu, double serviceCpu) {
    }

    private RollupWait() {
    }

    /** Waits for the loaded history to be settled; returns what a rebuild of all of it took. */
    static Settling settleAndTimeRebuild(Connection c, CpuMeter database, CpuMeter service)
            throws SQLException, InterruptedException {
        c.setAutoCommit(true);
        waitUntilSettled(c);
        Settling rebuild = timed(c, "UPDATE adherence_rollup SET settled_through = '-infinity'", database, service);
        vacuum(c);
        return rebuild;
    }

    /**
     * What the night costs: every patient's settled_through one day back (the job then drops that day's row and
     * builds it again: one day per patient, as after midnight, plus a delete), timed until the job is done.
     */
    static Settling timeOneDay(Connection c, CpuMeter database, CpuMeter service)
            throws SQLException, InterruptedException {
        Settling day = timed(c, "UPDATE adherence_rollup SET settled_through = settled_through - 1"
                + " WHERE settled_through > '-infinity'", database, service);
        vacuum(c);
        return day;
    }

    /** Settles the loaded history and prints what the rebuild and one more day cost, and the margin read back. */
    static void settleAndReport(Connection c, ClinicData.Loaded loaded, CpuMeter database, CpuMeter service)
            throws SQLException, InterruptedException {
        Settling rebuild = settleAndTimeRebuild(c, database, service);
        Report.line("adherence rollup: plan-service's job settled the history of all %d patients (%d check-offs)"
                + " from nothing in %.1f s (%.1f s per million check-offs; PostgreSQL CPU %.1f s, plan-service CPU"
                + " %.1f s; polled every 0.25 s, job every 2 s); it keeps each patient settled through today − %d",
                loaded.patients(), loaded.checkOffs(), rebuild.seconds(), rebuild.seconds() * 1e6 / loaded.checkOffs(),
                rebuild.databaseCpu(), rebuild.serviceCpu(), margin(c));
        Settling day = timeOneDay(c, database, service);
        Report.line("adherence rollup, one more day for every patient (what each night brings): %.1f s; PostgreSQL CPU"
                + " %.2f s, plan-service CPU %.2f s: %.1f + %.1f ms per 1,000 patients", day.seconds(),
                day.databaseCpu(), day.serviceCpu(), day.databaseCpu() * 1e6 / loaded.patients(),
                day.serviceCpu() * 1e6 / loaded.patients());
    }

    /** The margin the job keeps (days between a patient's today and their settled_through), read back. */
    static long margin(Connection c) throws SQLException {
        return ClinicData.count(c, MARGIN);
    }

    private static Settling timed(Connection c, String unsettle, CpuMeter database, CpuMeter service)
            throws SQLException, InterruptedException {
        long margin = margin(c);
        double databaseBefore = database.total().toNanos() / 1e9;
        double serviceBefore = service.total().toNanos() / 1e9;
        try (Statement s = c.createStatement()) {
            s.execute(unsettle);
        }
        long start = System.nanoTime();
        long settled = waitUntilNoneBehind(c, margin);
        return new Settling((settled - start) / 1e9, database.total().toNanos() / 1e9 - databaseBefore,
                service.total().toNanos() / 1e9 - serviceBefore);
    }

    private static void vacuum(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) adherence_rollup, adherence_day");
            s.execute("VACUUM adherence_rollup, adherence_day");
        }
    }

    /**
     * Waits until no patient is behind the longest margin the job has had (nine days), then until the count of
     * patients behind yesterday stops moving for longer than a job period: settled, at whatever margin the job keeps.
     * Returns when it was settled ({@link System#nanoTime()}): the last move seen, not the end of the wait.
     */
    /**
     * Waits until no patient is behind the margin the job keeps, read back before the timed change (a wait for a
     * count to stop moving would also stop while the job has not started yet).
     */
    private static long waitUntilNoneBehind(Connection c, long margin) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (ClinicData.count(c, BEHIND.formatted(margin)) > 0) {
            check(deadline);
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    private static long waitUntilSettled(Connection c) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        while (ClinicData.count(c, BEHIND.formatted(9)) > 0) {
            check(deadline);
            Thread.sleep(250);
        }
        long last = -1;
        long settled = System.nanoTime();
        while (System.nanoTime() - settled < JOB_PERIOD.toNanos() + 500_000_000L) {
            long behind = ClinicData.count(c, BEHIND.formatted(1));
            if (behind != last) {
                settled = last == -1 ? settled : System.nanoTime();
                last = behind;
            }
            if (behind == 0) {
                return System.nanoTime();
            }
            check(deadline);
            Thread.sleep(250);
        }
        return settled;
    }

    private static void check(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("plan-service's adherence rollup was not settled in 20 minutes");
        }
    }
}
