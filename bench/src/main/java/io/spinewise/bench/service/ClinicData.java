package io.spinewise.bench.service;

import io.spinewise.testsupport.upgrade.ClinicHistory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's data, written in SQL ({@code generate_series}) straight into the schema that the
 * services' own Flyway migrations built, because going through the API would take hours (the plan
 * data by test-support's {@link ClinicHistory}, which the migration test loads too):
 * <ul>
 * <li>{@value #MAIN}: the measured clinic, N patients, one plan each ("Mid-back relief", daily or
 * Monday/Wednesday/Friday, one or two sessions a day), two years of check-offs ({@code --years}) with pain ratings,
 * each patient with their own adherence (50–95 %), a tenth of the plans with a two-week pause;</li>
 * <li>three other clinics of N/10 patients with the same history, so that every query has to
 * pick one clinic's rows out of others';</li>
 * <li>{@value #POOL}: patients with a fresh plan and no history, whose free (day, slot) pairs the
 * check-off runs use up ({@link CheckOffDates}): the first {@value #POOL_HTTP} for the HTTP calls, the next
 * {@value #POOL_PGBENCH} for pgbench (which runs five times as many statements as the service's calls);</li>
 * <li>the catalog of 1,000 clinics with 20 exercises of their own each, next to the shipped four.</li>
 * </ul>
 * Ids and subjects are derived from the clinic and the patient's number, so tokens and pgbench
 * can name a patient without reading it back.
 */
final class ClinicData {

    static final String MAIN = "bench-main";
    static final String POOL = "bench-pool";
    static final List<String> OTHERS = List.of("bench-east", "bench-west", "bench-south");

    /**
     * Pool patients for the service's check-offs: each has 6 slots free today (a plan of 6 sessions a day, the most
     * a plan may have: plan-service refuses a slot beyond the day's sessions), so 8,000 take 48,000 check-offs dated
     * today (a default run sends about 35,000 on a quiet machine), and as many on each of the late days.
     */
    static final int POOL_HTTP = 8000;
    /**
     * Pool patients for pgbench's check-offs: 480,000 dated today. Its runs commit about 170,000 on a busy machine
     * and used up 180,000 on a quiet one (2026-11-29 22:29: the statement's parts at about 5,000 a second).
     */
    static final int POOL_PGBENCH = 80000;
    /** Days back (1..6) a late pool check-off may be dated: inside the 7-day late-logging window even across midnight. */
    static final int POOL_DAYS = 6;
    static final int SLOTS = 6;
    static final int DEFAULT_DAYS = ClinicHistory.TWO_YEARS;

    private static final String CATALOG = """
            INSERT INTO exercise (id, clinic_id, slug, name, body_region, category, summary, steps, position,
                                  equipment, equipment_tags, cautions, hold_min_seconds, hold_max_seconds, sets, sides,
                                  status)
            SELECT gen_random_uuid(), CASE WHEN k = 0 THEN ? ELSE 'clinic-' || k END, 'clinic-exercise-' || j,
                   (ARRAY['Seated','Standing','Supine','Prone'])[1 + j % 4] || ' '
                       || (ARRAY['thoracic rotation','chin tuck','pec stretch','scapular squeeze','child''s pose stretch'])[1 + j % 5]
                       || ' ' || j,
                   (ARRAY['THORACIC','CERVICAL','LUMBAR','SHOULDER'])[1 + j % 4],
                   (ARRAY['MOBILITY','STRETCH','STRENGTH','POSTURE'])[1 + j % 4],
                   'One of the clinic''s own exercises.', ARRAY['Get into position.', 'Move slowly and breathe.'],
                   'SEATED', '[]', '{}', '{}', 30, 60, 1, 'BOTH',
                   CASE WHEN j % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END
            FROM generate_series(0, 999) AS k CROSS JOIN generate_series(1, 20) AS j""";

    /** The items of a check-off as the web-ui sends them; also the body of the bench's own check-offs. */
    static final String CHECKOFF_ITEMS = ClinicHistory.CHECKOFF_ITEMS;

    private ClinicData() {
    }

    /** What was loaded, for the report; {@code poolSeconds} of {@code seconds} went to the pool. */
    record Loaded(long patients, long checkOffs, long mainClinicCheckOffs, long allVisiblePercent, double seconds,
                  double poolSeconds) {
    }

    /** The measured clinic with {@code days} of history, the three others with two years, the pool, and {@code more}. */
    static Loaded loadPlan(Connection c, int patients, int days, List<ClinicHistory.Clinic> more) throws SQLException {
        long start = System.nanoTime();
        List<ClinicHistory.Clinic> clinics = new ArrayList<>();
        clinics.add(new ClinicHistory.Clinic(MAIN, patients, days));
        for (String other : OTHERS) {
            clinics.add(new ClinicHistory.Clinic(other, Math.max(1, patients / 10), DEFAULT_DAYS));
        }
        clinics.addAll(more);
        ClinicHistory.load(c, clinics);
        long pool = System.nanoTime();
        ClinicHistory.load(c, List.of(new ClinicHistory.Clinic(POOL, POOL_HTTP + POOL_PGBENCH, 0)));
        double poolSeconds = (System.nanoTime() - pool) / 1e9;
        try (Statement s = c.createStatement()) {
            // a steady-state table: visibility map set (index-only scans), statistics current, and no
            // autovacuum of a million fresh rows starting in the middle of a measurement
            s.execute("VACUUM (ANALYZE) patient, plan, plan_version, plan_pause, session_checkoff");
            // The first VACUUM right after the load leaves the visibility map empty (measured: 0 all-visible
            // pages; index-only scans then fetch every heap row); a second one, after ANALYZE, sets it.
            s.execute("VACUUM patient, plan, plan_version, plan_pause, session_checkoff");
        }
        return new Loaded(count(c, "SELECT count(*) FROM patient"), count(c, "SELECT count(*) FROM session_checkoff"),
                count(c, "SELECT count(*) FROM session_checkoff WHERE clinic_id = '" + MAIN + "'"),
                count(c, "SELECT round(100.0 * relallvisible / greatest(relpages, 1)) FROM pg_class"
                        + " WHERE relname = 'session_checkoff'"),
                (System.nanoTime() - start) / 1e9, poolSeconds);
    }

    static void loadCatalog(Connection c) throws SQLException {
        c.setAutoCommit(true);
        execute(c, CATALOG, MAIN);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) exercise");
        }
    }

    /** Subjects (token {@code sub}) of a clinic's patients, in patient-number order. */
    static List<String> subjects(String clinic, int from, int count) {
        List<String> subjects = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            subjects.add(clinic + "-" + i);
        }
        return subjects;
    }

    static UUID planId(String clinic, int patient) {
        return md5Uuid(clinic + ":plan:" + patient);
    }

    /** PostgreSQL's {@code md5(text)::uuid}, so Java and SQL name the same rows. */
    static UUID md5Uuid(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(d);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
                    + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
