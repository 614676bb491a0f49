package io.spinewise.plan.data;

import io.spinewise.plan.domain.AdherenceRule;

/**
 * The adherence rule of {@link AdherenceRule} in SQL, written once and composed
 * into the clinic dashboard ({@link DashboardFigures}) and the CSV report ({@link AdherenceDays}):
 * {@code generate_series} over each plan version's window, the weekday mask, paused days removed,
 * check-offs counted per plan and day and capped. The end-to-end oracle ({@code AdherenceOracleIT})
 * holds both to the definition on random histories.
 */
final class AdherenceSql {

    /** A patient's today: the date at {@code :now} in the time zone of patient {@code p}. */
    static final String TODAY = "(CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date";

    private AdherenceSql() {
    }

    /**
     * The CTEs {@code plan_days}, {@code done} and {@code per_day (patient_id, day, scheduled, completed)},
     * to follow a CTE {@code pts (id, first_day, last_day)}: the patients and the days to compute (the last
     * day at most the patient's today). {@code checkOffs} is the {@code FROM ... WHERE ...} of the
     * check-offs {@code c} that may count: it may hold more, as only scheduled days take them.
     */
    static String perDay(String checkOffs) {
        return perDay("pts", "per_day", checkOffs);
    }

    /**
     * {@link #perDay(String)} over the days of CTE {@code days (id, first_day, last_day)} instead of
     * {@code pts}, its last CTE named {@code name}. The rows for a patient and day depend only on the rows
     * of plan, plan_version, plan_pause and session_checkoff (the day range only cuts), which is what lets
     * {@link AdherenceRollup} keep them.
     */
    static String perDay(String days, String name, String checkOffs) {
        String planDays = """
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
                """.replace("pts", days);
        return planDays + checkOffs.strip().indent(4) + """
                      AND c.undone_at IS NULL
                    GROUP BY c.plan_id, c.session_date
                ), per_day AS (
                    SELECT pd.patient_id, pd.day, sum(pd.spd) AS scheduled,
                           sum(least(coalesce(done.n, 0), pd.spd)) AS completed
                    FROM plan_days pd
                    LEFT JOIN done ON done.plan_id = pd.plan_id AND done.session_date = pd.day
                    GROUP BY pd.patient_id, pd.day
                )""".replace("pts", days).replace("per_day AS", name + " AS");
    }
}
