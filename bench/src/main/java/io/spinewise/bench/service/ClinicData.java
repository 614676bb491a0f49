package io.spinewise.bench.service;

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
 * services' own Flyway migrations built, because going through the API would take hours:
 * <ul>
 * <li>{@value #MAIN}: the measured clinic, N patients, one plan each ("Mid-back relief", daily or
 * Monday/Wednesday/Friday, one or two sessions a day), two years of check-offs ({@code --years}) with pain ratings,
 * each patient with their own adherence (50–95 %), a tenth of the plans with a two-week pause;</li>
 * <li>three other clinics of N/10 patients with the same history, so that every query has to
 * pick one clinic's rows out of others';</li>
 * <li>{@value #POOL}: patients with a fresh plan and no history, whose free (day, slot) pairs the
 * check-off runs use up: the first half for the HTTP calls, the second half for pgbench;</li>
 * <li>with {@code --only growth}, three more clinics for {@link GrowthBench}: N patients with six months of
 * history, N with five years, 10 × N with six months;</li>
 * <li>the catalog of 1,000 clinics with 20 exercises of their own each, next to the shipped four.</li>
 * </ul>
 * Ids and subjects are derived from the clinic and the patient's number, so tokens and pgbench
 * can name a patient without reading it back.
 */
final class ClinicData {

    static final String MAIN = "bench-main";
    static final String POOL = "bench-pool";
    static final List<String> OTHERS = List.of("bench-east", "bench-west", "bench-south");
    /** Days of history of a clinic without {@code --years}: two years. */
    static final int DEFAULT_DAYS = 730;

    /**
     * Pool patients per half: each has 6 days × 6 slots free (a plan of 6 sessions a day, the most a plan may
     * have: plan-service refuses a slot beyond the day's sessions), so 5,000 take 180,000 check-offs.
     */
    static final int POOL_HALF = 5000;
    /** Days back (1..6) a pool check-off may be dated: inside the 7-day late-logging window even across midnight. */
    static final int POOL_DAYS = 6;
    static final int SLOTS = 6;

    private static final String PATIENTS = """
            INSERT INTO patient (id, clinic_id, subject, username, first_name, last_name, email, time_zone, enrolled_by,
                                 created_at)
            SELECT md5(c.clinic || ':patient:' || i)::uuid, c.clinic, c.clinic || '-' || i, c.clinic || '-' || i,
                   (ARRAY['Ada','Ben','Cleo','Dan','Eva','Finn','Gita','Hugo','Ines','Jon'])[1 + i % 10],
                   (ARRAY['Meyer','Okafor','Silva','Novak','Tanaka','Larsen','Haddad','Kowalski','Rossi','Murphy',
                          'Nguyen','Schmidt'])[1 + (i / 10) % 12],
                   c.clinic || '-' || i || '@example.org',
                   CASE WHEN c.history THEN (ARRAY['Europe/Berlin','America/New_York','Asia/Tokyo','UTC'])[1 + i % 4]
                        ELSE 'UTC' END,
                   'bench', now() - c.days * interval '1 day'
            FROM bench_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i""";

    private static final String PLANS = """
            INSERT INTO plan (id, clinic_id, patient_id, title, status, current_version, created_by, created_by_name,
                              created_at, updated_at)
            SELECT md5(c.clinic || ':plan:' || i)::uuid, c.clinic, md5(c.clinic || ':patient:' || i)::uuid,
                   'Mid-back relief', 'ACTIVE', 1, c.clinic || '-chiro-' || i % 3, 'dr.' || i % 3,
                   now() - c.days * interval '1 day', now() - c.days * interval '1 day'
            FROM bench_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i""";

    private static final String VERSIONS = """
            INSERT INTO plan_version (plan_id, version, effective_from, start_date, days_mask, sessions_per_day,
                                      routine_slug, routine_name, items, created_by, created_at)
            SELECT md5(c.clinic || ':plan:' || i)::uuid, 1, s.start, s.start,
                   CASE WHEN c.history AND i % 5 = 0 THEN 21 ELSE 127 END,
                   CASE WHEN NOT c.history THEN 6 WHEN i % 4 <> 0 THEN 2 ELSE 1 END,
                   'mid-back-relief', 'Mid-back relief', CAST(? AS jsonb), c.clinic || '-chiro-' || i % 3,
                   now() - c.days * interval '1 day'
            FROM bench_clinic c
            CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i
            CROSS JOIN LATERAL (SELECT current_date - c.days AS start) s""";

    private static final String PAUSES = """
            INSERT INTO plan_pause (id, plan_id, paused_from, paused_until)
            SELECT gen_random_uuid(), md5(c.clinic || ':plan:' || i)::uuid, current_date - 200, current_date - 186
            FROM bench_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i
            WHERE c.history AND i % 10 = 3""";

    /** Each clinic's history (its days), each scheduled session checked off with the patient's own probability. */
    private static final String HISTORY = """
            INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items, pain_before,
                                          pain_after, difficulty, idempotency_key, request_hash, created_at)
            SELECT gen_random_uuid(), pl.clinic_id, pl.patient_id, pl.id, d.day, s.slot, CAST(? AS jsonb),
                   r.pain, greatest(r.pain - 1, 0), 1 + (random() * 4)::int, gen_random_uuid()::text,
                   md5(random()::text), d.day + interval '7 hours' + s.slot * interval '5 hours'
            FROM plan pl
            JOIN bench_clinic c ON c.clinic = pl.clinic_id AND c.history
            JOIN plan_version v ON v.plan_id = pl.id
            CROSS JOIN LATERAL (SELECT 0.5 + 0.45 * (abs(hashtext(pl.id::text)) % 100) / 100.0 AS adherence) a
            CROSS JOIN LATERAL generate_series(v.start_date, current_date - 1, interval '1 day') AS g(d)
            CROSS JOIN LATERAL (SELECT g.d::date AS day) d
            CROSS JOIN LATERAL generate_series(1, v.sessions_per_day) AS s(slot)
            CROSS JOIN LATERAL (SELECT 2 + (random() * 6)::int AS pain) r
            WHERE v.days_mask & (1 << (extract(isodow FROM d.day)::int - 1)) <> 0
              AND NOT EXISTS (SELECT 1 FROM plan_pause pp WHERE pp.plan_id = pl.id
                              AND d.day BETWEEN pp.paused_from AND pp.paused_until)
              AND random() < a.adherence""";

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

    private static final String PLAN_ITEMS = """
            [{"exercise":"wall-ball-release","exerciseName":"Ball release between the shoulder blades","sets":1,\
            "reps":null,"holdSeconds":null,"side":"BOTH","note":null},\
            {"exercise":"thoracic-wall-extension","exerciseName":"Thoracic extension at the wall","sets":1,\
            "reps":null,"holdSeconds":45,"side":"BOTH","note":null},\
            {"exercise":"cat-cow","exerciseName":"Cat-cow on all fours","sets":1,"reps":30,"holdSeconds":null,\
            "side":"BOTH","note":null},\
            {"exercise":"spinal-wedge","exerciseName":"Spinal wedge chest opener","sets":1,"reps":null,\
            "holdSeconds":60,"side":"BOTH","note":null}]""";

    /** The items of a check-off as the web-ui sends them; also the body of the bench's own check-offs. */
    static final String CHECKOFF_ITEMS = """
            [{"exercise":"wall-ball-release","done":true,"seconds":60,"reps":null},\
            {"exercise":"thoracic-wall-extension","done":true,"seconds":45,"reps":null},\
            {"exercise":"cat-cow","done":true,"seconds":null,"reps":30},\
            {"exercise":"spinal-wedge","done":true,"seconds":60,"reps":null}]""";

    private ClinicData() {
    }

    /** What was loaded, for the report. */
    record Loaded(long patients, long checkOffs, long mainClinicCheckOffs, long allVisiblePercent, double seconds) {
    }

    /** A clinic to load: its name, patients and days of history (0: a pool clinic, 30 days of plan, no check-offs). */
    record Clinic(String name, int patients, int days) {
    }

    /** The measured clinic with {@code days} of history, the three others with two years, the pool, and {@code more}. */
    static Loaded loadPlan(Connection c, int patients, int days, List<Clinic> more) throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            // every "current_date" of the load is UTC's, as the services' clock is
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE TEMP TABLE bench_clinic (clinic text, patients int, history boolean, days int)");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO bench_clinic VALUES (?, ?, ?, ?)")) {
            add(s, new Clinic(MAIN, patients, days));
            for (String other : OTHERS) {
                add(s, new Clinic(other, Math.max(1, patients / 10), DEFAULT_DAYS));
            }
            add(s, new Clinic(POOL, 2 * POOL_HALF, 0));
            for (Clinic clinic : more) {
                add(s, clinic);
            }
            s.executeBatch();
        }
        execute(c, PATIENTS);
        execute(c, PLANS);
        execute(c, VERSIONS, PLAN_ITEMS);
        execute(c, PAUSES);
        execute(c, HISTORY, CHECKOFF_ITEMS);
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
                (System.nanoTime() - start) / 1e9);
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

    private static void add(PreparedStatement s, Clinic clinic) throws SQLException {
        s.setString(1, clinic.name());
        s.setInt(2, clinic.patients());
        s.setBoolean(3, clinic.days() > 0);
        s.setInt(4, clinic.days() > 0 ? clinic.days() : 30);
        s.addBatch();
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
