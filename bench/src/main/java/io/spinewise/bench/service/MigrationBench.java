package io.spinewise.bench.service;

import io.spinewise.testsupport.upgrade.ClinicHistory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run migrations [--checkoffs N] [--audit N] [--from V]}: how long plan-service's migrations take
 * on a database with history, for docs/deployment.md ("Upgrading") and bench/README.md ("Migrations per
 * million rows"). On the bench's durable PostgreSQL (production settings, read back and printed) it builds
 * the schema up to version {@code V} (default 15, the last before the migrations that rewrite big tables),
 * fills it with about N check-offs of two years' history (test-support's {@link ClinicHistory}, default
 * 1,000,000) and N audit records over the same two years (default 1,000,000; their hashes have the real
 * width but are not chained: no migration reads them), then times each later migration on its own, from a
 * checkpoint, as the service's first start would run it. A migration added later is timed without a change here.
 */
public final class MigrationBench {

    /** Check-offs a patient of {@link ClinicHistory} has over two years, on average (measured: 820). */
    private static final int CHECKOFFS_PER_PATIENT = 820;

    private static final String AUDIT = """
            INSERT INTO audit_event (id, at, clinic_id, actor, actor_role, patient_id, action, outcome, status, target,
                                     actor_name, prev_hash, hash)
            SELECT nextval('audit_event_id_seq'), now() - interval '730 days' + g * (interval '730 days' / %d),
                   c.clinic, 'bench-chiro-' || g %% 3, 'chiropractor', md5(c.clinic || ':patient:' || g %% c.patients)::uuid,
                   (ARRAY['patient.read', 'plan.create', 'checkoff.create', 'dashboard.read'])[1 + g %% 4], 'SUCCESS', 200,
                   'GET /api/patients/' || md5(c.clinic || ':patient:' || g %% c.patients)::uuid, 'Dr Bench',
                   encode(sha256(convert_to((g - 1)::text, 'UTF8')), 'hex'), encode(sha256(convert_to(g::text, 'UTF8')), 'hex')
            FROM generate_series(1, %d) AS g
            CROSS JOIN LATERAL (SELECT (ARRAY['bench-main', 'bench-east', 'bench-west', 'bench-south'])[1 + g %% 4] AS clinic,
                                       %d AS patients) c""";

    private MigrationBench() {
    }

    public static void main(String[] args) throws Exception {
        long checkOffs = 1_000_000;
        long audit = 1_000_000;
        String from = "15";
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--checkoffs" -> checkOffs = Long.parseLong(value);
                case "--audit" -> audit = Long.parseLong(value);
                case "--from" -> from = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --checkoffs N --audit N --from VERSION");
            }
        }
        Report.machine("migrations", args);
        Path work = Path.of("bench/target/migration-bench");
        try (BenchDatabase db = BenchDatabase.start(work, Map.of())) {
            Report.server("read back: " + db.durability() + ", shared_buffers=" + db.sharedBuffers());
            db.createDatabase("plan");
            flyway(db, from).migrate();
            int patients = (int) Math.max(10, checkOffs / CHECKOFFS_PER_PATIENT);
            long started = System.nanoTime();
            try (Connection c = db.connect("plan")) {
                fill(c, patients, audit);
                Report.heading("Migrations per million rows");
                Report.line("filled schema version %s in %.0f s: %,d patients, %,d check-offs, %,d audit records;"
                        + " database %s", from, (System.nanoTime() - started) / 1e9, ClinicData.count(c,
                        "SELECT count(*) FROM patient"), ClinicData.count(c, "SELECT count(*) FROM session_checkoff"),
                        ClinicData.count(c, "SELECT count(*) FROM audit_event"), size(c));
                Report.line("");
                Report.line("| migration | seconds | s per million check-offs | s per million audit records | database after |");
                Report.line("|---|---:|---:|---:|---|");
                long rowsCheckOffs = ClinicData.count(c, "SELECT count(*) FROM session_checkoff");
                long rowsAudit = ClinicData.count(c, "SELECT count(*) FROM audit_event");
                for (MigrationInfo pending : pending(db)) {
                    fillRollup(c);
                    checkpoint(c);
                    long start = System.nanoTime();
                    flyway(db, pending.getVersion().getVersion()).migrate();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Report.line("| V%s %s | %.1f | %s | %s | %s |", pending.getVersion(), pending.getDescription(),
                            seconds, perMillion(seconds, rowsCheckOffs), perMillion(seconds, rowsAudit), size(c));
                }
            }
            Report.loadAverage("load average at the end");
        }
    }

    /** Two years of four clinics (one of most patients, three of a tenth each, as the service bench) and the audit log. */
    private static void fill(Connection c, int patients, long audit) throws SQLException {
        int main = (int) Math.round(patients / 1.3);
        List<ClinicHistory.Clinic> clinics = new ArrayList<>();
        clinics.add(new ClinicHistory.Clinic(ClinicData.MAIN, main, ClinicHistory.TWO_YEARS));
        for (String other : ClinicData.OTHERS) {
            clinics.add(new ClinicHistory.Clinic(other, Math.max(1, main / 10), ClinicHistory.TWO_YEARS));
        }
        ClinicHistory.load(c, clinics);
        try (Statement s = c.createStatement()) {
            // the audit log's triggers (append-only, the chain) would refuse or rewrite back-dated records
            s.execute("SET session_replication_role = replica");
            s.execute(AUDIT.formatted(Math.max(1, audit), audit, Math.max(1, main / 10)));
            s.execute("SET session_replication_role = origin");
            s.execute("VACUUM (ANALYZE)");
        }
    }

    /**
     * Once the rollup's tables exist (V16) and before any later migration reads them: rows in {@code adherence_day}
     * as the settling job leaves them, one per patient and day with a session, through nine days ago (the figures
     * are the days' check-off counts, not the adherence rule's: a migration's time depends on the rows, not their
     * values). Not timed.
     */
    private static void fillRollup(Connection c) throws SQLException {
        if (ClinicData.count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'adherence_day'") == 0
                || ClinicData.count(c, "SELECT count(*) FROM (SELECT 1 FROM adherence_day LIMIT 1) x") > 0) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO adherence_day (patient_id, day, scheduled, completed)
                    SELECT c.patient_id, c.session_date, count(*), count(*) FILTER (WHERE c.undone_at IS NULL)
                    FROM session_checkoff c WHERE c.session_date <= current_date - 9
                    GROUP BY c.patient_id, c.session_date ORDER BY c.patient_id, c.session_date""");
            s.execute("UPDATE adherence_rollup SET settled_through = current_date - 9");
            s.execute("VACUUM (ANALYZE) adherence_day, adherence_rollup");
        }
        Report.line("rollup filled before the next migration: %,d rows in adherence_day",
                ClinicData.count(c, "SELECT count(*) FROM adherence_day"));
    }

    private static List<MigrationInfo> pending(BenchDatabase db) {
        return List.of(flyway(db, "latest").info().pending());
    }

    /** The migrations as the service runs them: as the owner, from plan-service's sources (bench/run runs at the root). */
    private static Flyway flyway(BenchDatabase db, String target) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl("plan"), "plan", "plan")
                .locations("filesystem:plan-service/src/main/resources/db/migration")
                .placeholders(Map.of("runtime_role", "plan_app"))
                .target(target)
                .load();
    }

    private static void checkpoint(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    private static String size(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Seconds per million rows, or a dash when the run filled none of them (say {@code --audit 0}). */
    private static String perMillion(double seconds, long rows) {
        return rows == 0 ? "–" : String.format("%.1f", seconds * 1e6 / rows);
    }
}
