-- The clinic adherence report's query exactly as plan-service runs it inside COPY ... TO STDOUT:
-- AdherenceDays.REPORT (plan-service/.../plan/data/), its parameters read from the settings
-- spinewise.sql_*. BenchReportQueryTest fails when the service's query changes and prints it anew;
-- the bench also checks that psql's CSV is byte-identical to the service's.
WITH pts AS (
    SELECT p.id, p.first_name || ' ' || p.last_name AS name, CAST(nullif(current_setting('spinewise.sql_from'), '') AS date) AS first_day,
           least(CAST(nullif(current_setting('spinewise.sql_to'), '') AS date), (CAST(nullif(current_setting('spinewise.sql_now'), '') AS timestamptz) AT TIME ZONE p.time_zone)::date) AS last_day
    FROM patient p
    WHERE p.clinic_id = nullif(current_setting('spinewise.sql_clinic'), '') AND (CAST(nullif(current_setting('spinewise.sql_chiro'), '') AS text) IS NULL
       OR EXISTS (SELECT 1 FROM plan cp WHERE cp.patient_id = p.id AND cp.clinic_id = p.clinic_id
                  AND cp.created_by = CAST(nullif(current_setting('spinewise.sql_chiro'), '') AS text)))
),
plan_days AS (
    SELECT pl.patient_id, v.plan_id, g.d::date AS day, v.sessions_per_day AS spd
    FROM plan pl
    JOIN pts ON pts.id = pl.patient_id
    JOIN plan_version v ON v.plan_id = pl.id
    CROSS JOIN LATERAL generate_series(
        greatest(v.start_date, v.effective_from, pts.first_day),
        least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'), pts.last_day),
        interval '1 day') AS g(d)
    WHERE v.days_mask & (1 << (extract(isodow FROM g.d)::int - 1)) <> 0
      AND NOT EXISTS (SELECT 1 FROM plan_pause pp
                      WHERE pp.plan_id = v.plan_id AND pp.paused_from <= g.d::date
                        AND (pp.paused_until IS NULL OR pp.paused_until >= g.d::date))
), done AS (
    SELECT c.plan_id, c.session_date, count(*) AS n
    FROM session_checkoff c
    WHERE c.clinic_id = nullif(current_setting('spinewise.sql_clinic'), '') AND c.session_date BETWEEN CAST(nullif(current_setting('spinewise.sql_from'), '') AS date) AND CAST(nullif(current_setting('spinewise.sql_to'), '') AS date)
      AND c.undone_at IS NULL
    GROUP BY c.plan_id, c.session_date
), per_day AS (
    SELECT pd.patient_id, pd.day, sum(pd.spd) AS scheduled,
           sum(least(coalesce(done.n, 0), pd.spd)) AS completed
    FROM plan_days pd
    LEFT JOIN done ON done.plan_id = pd.plan_id AND done.session_date = pd.day
    GROUP BY pd.patient_id, pd.day
)
SELECT pts.id AS patient_id, CASE WHEN left(pts.name, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || pts.name ELSE pts.name END AS patient_name, g.d::date AS date,
       coalesce(per_day.scheduled, 0) AS scheduled, coalesce(per_day.completed, 0) AS completed
FROM pts
CROSS JOIN LATERAL generate_series(pts.first_day, pts.last_day, interval '1 day') AS g(d)
LEFT JOIN per_day ON per_day.patient_id = pts.id AND per_day.day = g.d::date
ORDER BY pts.id, g.d
