package io.spinewise.testsupport.upgrade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Years of a clinic's history written in SQL ({@code generate_series}) straight into plan-service's schema
 * (from Flyway version 9 on: the columns of V1-V9), because going through the API would take hours; the
 * benchmarks ({@code bench/}) and the migration test ({@code UpgradeFromReleaseTest}) load it:
 * <ul>
 * <li>per clinic N patients (four time zones), one plan each ("Mid-back relief", daily or Monday/Wednesday/Friday,
 * one or two sessions a day) started two years ago, a tenth with a two-week pause;</li>
 * <li>two years of check-offs with pain ratings, each patient with their own adherence (50-95 %);</li>
 * <li>a clinic {@linkplain Clinic#history() without history} gets plans of six sessions a day from
 * {@value #POOL_PLAN_DAYS} days ago, in UTC, and no check-offs (the bench's pool of free slots: today's, and the
 * late-logging window's for back-dated check-offs).</li>
 * </ul>
 * Ids are {@code md5(clinic || ':patient:' || i)::uuid} and {@code md5(clinic || ':plan:' || i)::uuid}, subjects
 * {@code clinic-i}. What the load draws comes from {@code random()}: a {@code SELECT setseed(...)} on the same
 * connection before makes it repeatable.
 */
public final class ClinicHistory {

    /** Days of history the bench and the migration test load unless told otherwise. */
    public static final int TWO_YEARS = 730;

    /**
     * Days before today the plans of a clinic without history start: the late-logging window (7) and one more. Short,
     * so that the rollup job settles few days for the bench's tens of thousands of pool patients.
     */
    public static final int POOL_PLAN_DAYS = 8;

    /**
     * A clinic of the load: its id, its number of patients and its days of history; 0 days: a clinic without
     * history (plans of six sessions a day from {@value #POOL_PLAN_DAYS} days ago, no check-offs: the bench's pool of
     * free slots).
     */
    public record Clinic(String id, int patients, int days) {

        boolean history() {
            return days > 0;
        }
    }

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
            FROM history_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i""";

    private static final String PLANS = """
            INSERT INTO plan (id, clinic_id, patient_id, title, status, current_version, created_by, created_by_name,
                              created_at, updated_at)
            SELECT md5(c.clinic || ':plan:' || i)::uuid, c.clinic, md5(c.clinic || ':patient:' || i)::uuid,
                   'Mid-back relief', 'ACTIVE', 1, c.clinic || '-chiro-' || i % 3, 'dr.' || i % 3,
                   now() - c.days * interval '1 day', now() - c.days * interval '1 day'
            FROM history_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i""";

    private static final String VERSIONS = """
            INSERT INTO plan_version (plan_id, version, effective_from, start_date, days_mask, sessions_per_day,
                                      routine_slug, routine_name, items, created_by, created_at)
            SELECT md5(c.clinic || ':plan:' || i)::uuid, 1, s.start, s.start,
                   CASE WHEN c.history AND i % 5 = 0 THEN 21 ELSE 127 END,
                   CASE WHEN NOT c.history THEN 6 WHEN i % 4 <> 0 THEN 2 ELSE 1 END,
                   'mid-back-relief', 'Mid-back relief', CAST(? AS jsonb), c.clinic || '-chiro-' || i % 3,
                   now() - c.days * interval '1 day'
            FROM history_clinic c
            CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i
            CROSS JOIN LATERAL (SELECT current_date - c.days AS start) s""";

    private static final String PAUSES = """
            INSERT INTO plan_pause (id, plan_id, paused_from, paused_until)
            SELECT gen_random_uuid(), md5(c.clinic || ':plan:' || i)::uuid, current_date - 200, current_date - 186
            FROM history_clinic c CROSS JOIN LATERAL generate_series(0, c.patients - 1) AS i
            WHERE c.history AND i % 10 = 3""";

    /** The clinic's days of sessions, each scheduled one checked off with the patient's own probability. */
    private static final String HISTORY = """
            INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items, pain_before,
                                          pain_after, difficulty, idempotency_key, request_hash, created_at)
            SELECT gen_random_uuid(), pl.clinic_id, pl.patient_id, pl.id, d.day, s.slot, CAST(? AS jsonb),
                   r.pain, greatest(r.pain - 1, 0), 1 + (random() * 4)::int, gen_random_uuid()::text,
                   md5(random()::text), d.day + interval '7 hours' + s.slot * interval '5 hours'
            FROM plan pl
            JOIN history_clinic c ON c.clinic = pl.clinic_id AND c.history
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


    private static final String PLAN_ITEMS = """
            [{"exercise":"wall-ball-release","exerciseName":"Ball release between the shoulder blades","sets":1,\
            "reps":null,"holdSeconds":null,"side":"BOTH","note":null},\
            {"exercise":"thoracic-wall-extension","exerciseName":"Thoracic extension at the wall","sets":1,\
            "reps":null,"holdSeconds":45,"side":"BOTH","note":null},\
            {"exercise":"cat-cow","exerciseName":"Cat-cow on all fours","sets":1,"reps":30,"holdSeconds":null,\
            "side":"BOTH","note":null},\
            {"exercise":"spinal-wedge","exerciseName":"Spinal wedge chest opener","sets":1,"reps":null,\
            "holdSeconds":60,"side":"BOTH","note":null}]""";

    /** The items of a check-off as the web-ui sends them (also the body of the bench's own check-offs). */
    public static final String CHECKOFF_ITEMS = """
            [{"exercise":"wall-ball-release","done":true,"seconds":60,"reps":null},\
            {"exercise":"thoracic-wall-extension","done":true,"seconds":45,"reps":null},\
            {"exercise":"cat-cow","done":true,"seconds":null,"reps":30},\
            {"exercise":"spinal-wedge","done":true,"seconds":60,"reps":null}]""";

    private ClinicHistory() {
    }

    /** Loads the clinics' patients, plans, pauses and check-offs ("current_date" is UTC's, as the services' clock). */
    public static void load(Connection c, List<Clinic> clinics) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE TEMP TABLE history_clinic (clinic text, patients int, history boolean, days int)");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO history_clinic VALUES (?, ?, ?, ?)")) {
            for (Clinic clinic : clinics) {
                s.setString(1, clinic.id());
                s.setInt(2, clinic.patients());
                s.setBoolean(3, clinic.history());
                s.setInt(4, clinic.history() ? clinic.days() : POOL_PLAN_DAYS);
                s.addBatch();
            }
            s.executeBatch();
        }
        execute(c, PATIENTS);
        execute(c, PLANS);
        execute(c, VERSIONS, PLAN_ITEMS);
        execute(c, PAUSES);
        execute(c, HISTORY, CHECKOFF_ITEMS);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE history_clinic");
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
