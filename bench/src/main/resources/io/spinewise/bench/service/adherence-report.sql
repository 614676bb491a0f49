-- The clinic adherence report's query exactly as plan-service runs it inside COPY ... TO STDOUT
-- (AdherenceQueries.DAILY with the substitutions of DAILY_COPY; values from settings). A copy:
-- the bench checks that psql's CSV is byte-identical to the service's, so a drift shows.
WITH pts AS (
    SELECT p.id, p.first_name || ' ' || p.last_name AS name,
           (CAST(current_setting('spinewise.report_now') AS timestamptz) AT TIME ZONE p.time_zone)::date AS today
    FROM patient p
    WHERE p.clinic_id = current_setting('spinewise.report_clinic') AND (CAST(NULL AS uuid) IS NULL OR p.id = CAST(NULL AS uuid))
      AND (nullif(current_setting('spinewise.report_chiro'), '') IS NULL OR EXISTS (SELECT 1 FROM plan cp WHERE cp.patient_id = p.id
           AND cp.clinic_id = p.clinic_id AND cp.created_by = nullif(current_setting('spinewise.report_chiro'), '')))
), plan_days AS (
    SELECT pl.patient_id, v.plan_id, g.d::date AS day, v.sessions_per_day AS spd
    FROM plan pl
    JOIN pts ON pts.id = pl.patient_id
    JOIN plan_version v ON v.plan_id = pl.id
    CROSS JOIN LATERAL generate_series(
        greatest(v.start_date, v.effective_from, CAST(current_setting('spinewise.report_from') AS date)),
        least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'),
              CAST(current_setting('spinewise.report_to') AS date), pts.today),
        interval '1 day') AS g(d)
    WHERE v.days_mask & (1 << (extract(isodow FROM g.d)::int - 1)) <> 0
      AND NOT EXISTS (SELECT 1 FROM plan_pause pp
                      WHERE pp.plan_id = v.plan_id AND pp.paused_from <= g.d::date
                        AND (pp.paused_until IS NULL OR pp.paused_until >= g.d::date))
), done AS (
    SELECT c.plan_id, c.session_date, count(*) AS n
    FROM session_checkoff c
    WHERE c.clinic_id = current_setting('spinewise.report_clinic') AND (CAST(NULL AS uuid) IS NULL OR c.patient_id = CAST(NULL AS uuid))
      AND c.session_date BETWEEN CAST(current_setting('spinewise.report_from') AS date) AND CAST(current_setting('spinewise.report_to') AS date) AND c.undone_at IS NULL
    GROUP BY c.plan_id, c.session_date
), per_day AS (
    SELECT pd.patient_id, pd.day, sum(pd.spd) AS scheduled,
           sum(least(coalesce(done.n, 0), pd.spd)) AS completed
    FROM plan_days pd
    LEFT JOIN done ON done.plan_id = pd.plan_id AND done.session_date = pd.day
    GROUP BY pd.patient_id, pd.day
)
SELECT pts.id AS patient_id, pts.name AS patient_name, g.d::date AS date, coalesce(per_day.scheduled, 0) AS scheduled,
       coalesce(per_day.completed, 0) AS completed
FROM pts
CROSS JOIN LATERAL generate_series(CAST(current_setting('spinewise.report_from') AS date), least(CAST(current_setting('spinewise.report_to') AS date), pts.today),
                                   interval '1 day') AS g(d)
LEFT JOIN per_day ON per_day.patient_id = pts.id AND per_day.day = g.d::date
ORDER BY pts.id, g.d
