package io.spinewise.bench.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What each part of the check-off statement costs PostgreSQL: pgbench at one client on the whole statement,
 * then without the adherence rollup's trigger, then without the audit record (and so without the audit chain's
 * trigger). The sessions run with {@code synchronous_commit=off}, so that a figure is the statement's work and
 * not the disk's flush, which every variant pays alike. Not a ceiling: the parts left out are not optional.
 */
final class CheckOffParts {

    private static final String NO_FLUSH = "-c synchronous_commit=off";
    private static final String ROLLUP_TRIGGER = "adherence_rollup_checkoff_insert";

    private final BenchDatabase db;
    private final PgbenchCeiling pgbench;

    CheckOffParts(BenchDatabase db, PgbenchCeiling pgbench) {
        this.db = db;
        this.pgbench = pgbench;
    }

    void measure(int seconds) throws IOException, InterruptedException, SQLException {
        Report.line("");
        Report.line("Its parts, one client, `synchronous_commit=off` in pgbench's sessions (the statement's work,"
                + " not the flush):");
        Report.line("");
        Report.line("| statement | tx/s | ms per statement | share of the whole |");
        Report.line("|---|---:|---:|---:|");
        double whole = row(seconds, "the whole check-off statement", PgbenchCeiling.statement(), Double.NaN);
        setRollupTrigger(false);
        try {
            row(seconds, "without the rollup trigger (`" + ROLLUP_TRIGGER + "`)", PgbenchCeiling.statement(), whole);
        } finally {
            setRollupTrigger(true);
        }
        row(seconds, "without the audit record (no chain trigger either)", withoutAudit(PgbenchCeiling.statement()), whole);
    }

    private double row(int seconds, String label, String statement, double whole) throws IOException, InterruptedException {
        LoadResult r = pgbench.run(1, seconds, statement, NO_FLUSH);
        double ms = 1000.0 / r.perSecond();
        Report.line("| %s | %.0f | %.3f | %s |", label, r.perSecond(), ms,
                Double.isNaN(whole) ? "100 %" : String.format("%.0f %% (the part: %.3f ms)", 100 * ms / whole,
                        whole - ms));
        return ms;
    }

    private void setRollupTrigger(boolean enabled) throws SQLException {
        try (Connection c = db.connect("plan"); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE session_checkoff " + (enabled ? "ENABLE" : "DISABLE") + " TRIGGER " + ROLLUP_TRIGGER);
        }
    }

    /**
     * The statement with its audit record under one of {@code chains} clinic ids, chosen by patient: the records'
     * clinic becomes {@code clinic#bucket}. Before plan-service V23 (one chain per clinic) this measured the design
     * V23 then landed; since V23 the statement itself writes on 16 chains of the clinic (by patient) and this
     * variant spreads each of them further, a yardstick for whether more chains would help.
     */
    static String onChains(String statement, int chains) {
        String select = "    SELECT clinic_id, 'bench-pool-' || :p,";
        if (!statement.contains(select)) {
            throw new IllegalStateException("the check-off statement no longer has the audit record this splits");
        }
        return statement.replace(select, "    SELECT clinic_id || '#' || (:p % " + chains + "), 'bench-pool-' || :p,");
    }

    /** The statement with its audit CTE cut out: everything from "), audit AS (" up to the final SELECT. */
    static String withoutAudit(String statement) {
        int from = statement.indexOf("), audit AS (");
        int to = statement.indexOf(")\nSELECT id, patient_id, created_at FROM ins;");
        if (from < 0 || to < from) {
            throw new IllegalStateException("the check-off statement no longer has the audit CTE this cuts out");
        }
        return statement.substring(0, from) + statement.substring(to);
    }
}
