-- The clinic adherence report's query exactly as plan-service runs it inside COPY ... TO STDOUT:
-- AdherenceDays.REPORT (plan-service/.../plan/data/), its parameters read from the settings
-- spinewise.sql_*. BenchReportQueryTest fails when the service's query changes and prints it anew;
-- the bench also checks that psql's CSV is byte-identical to the service's.
WITH patients AS (
    SELECT p.id, p.first_name || ' ' || p.last_name AS name, CAST(nullif(current_setting('spinewise.sql_from'), '') AS date) AS first_day,
           least(CAST(nullif(current_setting('spinewise.sql_to'), '') AS date), (CAST(nullif(current_setting('spinewise.sql_now'), '') AS timestamptz) AT TIME ZONE p.time_zone)::date) AS last_day
    FROM patient p
    WHERE p.clinic_id = nullif(current_setting('spinewise.sql_clinic'), '') AND (CAST(nullif(current_setting('spinewise.sql_chiro'), '') AS text) IS NULL
       OR EXISTS (SELECT 1 FROM plan cp WHERE cp.patient_id = p.id AND cp.clinic_id = p.clinic_id
                  AND cp.created_by = CAST(nullif(current_setting('spinewise.sql_chiro'), '') AS text)))
)
SELECT one.id AS patient_id, CASE WHEN left(one.name, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || one.name ELSE one.name END AS patient_name, days.date, days.scheduled, days.completed
FROM patients one
CROSS JOIN LATERAL (
    WITH pts AS (SELECT one.id, one.first_day, one.last_day),
    settled AS (
        SELECT pts.id, pts.first_day, pts.last_day, coalesce(r.settled_through, '-infinity') AS settled_through
        FROM pts LEFT JOIN adherence_rollup r ON r.patient_id = pts.id
    ), unsettled AS (
        SELECT s.id, greatest(s.first_day, s.settled_through + 1) AS first_day, s.last_day FROM settled s
    ),
    plan_days AS (
        SELECT pl.patient_id, v.plan_id, g.d::date AS day, v.sessions_per_day AS spd
        FROM plan pl
        JOIN unsettled ON unsettled.id = pl.patient_id
        JOIN plan_version v ON v.plan_id = pl.id
        CROSS JOIN LATERAL generate_series(
            greatest(v.start_date, v.effective_from, unsettled.first_day),
            least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'), unsettled.last_day),
            interval '1 day') AS g(d)
        WHERE v.days_mask & (1 << (extract(isodow FROM g.d)::int - 1)) <> 0
          AND NOT EXISTS (SELECT 1 FROM plan_pause pp
                          WHERE pp.plan_id = v.plan_id AND pp.paused_from <= g.d::date
                            AND (pp.paused_until IS NULL OR pp.paused_until >= g.d::date))
    ), done AS (
        SELECT c.plan_id, c.session_date, count(*) AS n
        FROM session_checkoff c JOIN unsettled u ON u.id = c.patient_id
        WHERE c.session_date BETWEEN u.first_day AND u.last_day
          AND c.undone_at IS NULL
        GROUP BY c.plan_id, c.session_date
    ), live_day AS (
        SELECT pd.patient_id, pd.day, sum(pd.spd) AS scheduled,
               sum(least(coalesce(done.n, 0), pd.spd)) AS completed
        FROM plan_days pd
        LEFT JOIN done ON done.plan_id = pd.plan_id AND done.session_date = pd.day
        GROUP BY pd.patient_id, pd.day
    ), per_day AS (
        SELECT l.patient_id, l.day, l.scheduled, l.completed FROM live_day l
        UNION ALL
        SELECT d.patient_id, d.day, d.scheduled, d.completed
        FROM settled s JOIN adherence_day d ON d.patient_id = s.id
         AND d.day BETWEEN s.first_day AND least(s.last_day, s.settled_through)
    )
    SELECT g.d::date AS date, coalesce(per_day.scheduled, 0) AS scheduled,
           coalesce(per_day.completed, 0) AS completed
    FROM generate_series(one.first_day, one.last_day, interval '1 day') AS g(d)
    LEFT JOIN per_day ON per_day.day = g.d::date
) days
ORDER BY one.id, days.date
