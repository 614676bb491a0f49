package io.spinewise.plan.data;

/**
 * The dashboard's adherence figures from the rollup's running totals (V21, {@link AdherenceRollup}): a window's
 * sessions on kept days are the totals of the last kept day at or before its end minus those of the last kept day
 * at or before its start, so a patient costs a few one-entry index lookups instead of a row per kept day; the
 * days after the kept ones (about nine) are computed live with {@link AdherenceSql}, as before.
 *
 * <p>The days kept for a reader end at the patient's settled_through, and never later than yesterday: today's
 * row counts differently in the streak (an unfinished today is not a miss), so today is always computed live.
 * {@code AdherenceRollupTest} holds the result to {@link DashboardFigures#LIVE}, the definition.
 */
final class RunningTotals {

    private RunningTotals() {
    }

    /**
     * The CTEs ending in {@code figures (patient_id, s7, c7, s30, c30, s_inactive, streak, missed)}, to follow
     * {@code pts (id, today, first_day, last_day)} with {@code last_day = today}: the same figures as
     * {@link DashboardFigures#LIVE}'s, {@code missed} true when a day of the horizon before today was missed.
     */
    static String figures() {
        return """
                settled AS (
                    SELECT pts.id, pts.today, pts.first_day, pts.last_day,
                           least(coalesce(r.settled_through, '-infinity'), pts.last_day - 1) AS kept_through
                    FROM pts LEFT JOIN adherence_rollup r ON r.patient_id = pts.id
                ), unsettled AS (
                    SELECT s.id, greatest(s.first_day, s.kept_through + 1) AS first_day, s.last_day FROM settled s
                ),
                """ + AdherenceSql.perDay("unsettled", "live_day", """
                FROM session_checkoff c JOIN unsettled u ON u.id = c.patient_id
                WHERE c.session_date BETWEEN u.first_day AND u.last_day""") + """
                , live_miss AS (
                    SELECT l.patient_id, max(l.day) FILTER (WHERE l.completed < l.scheduled AND l.day < s.today) AS day
                    FROM live_day l JOIN settled s ON s.id = l.patient_id
                    GROUP BY l.patient_id
                ), live AS (
                    SELECT l.patient_id, m.day AS last_miss,
                           sum(l.scheduled) FILTER (WHERE l.day > s.today - 7) AS s7,
                           sum(l.completed) FILTER (WHERE l.day > s.today - 7) AS c7,
                           sum(l.scheduled) FILTER (WHERE l.day > s.today - 30) AS s30,
                           sum(l.completed) FILTER (WHERE l.day > s.today - 30) AS c30,
                           sum(l.scheduled) FILTER (WHERE l.day > s.today - CAST(:inactive AS int)) AS s_inactive,
                           count(*) FILTER (WHERE l.completed >= l.scheduled
                                              AND l.day > coalesce(m.day, '-infinity')) AS streak
                    FROM live_day l JOIN settled s ON s.id = l.patient_id JOIN live_miss m ON m.patient_id = l.patient_id
                    GROUP BY l.patient_id, m.day
                ), bounds AS (
                    SELECT s.id, s.first_day, s.kept_through,
                           greatest(s.today - 7, s.first_day - 1) AS b7, greatest(s.today - 30, s.first_day - 1) AS b30,
                           greatest(s.today - CAST(:inactive AS int), s.first_day - 1) AS b_inactive
                    FROM settled s
                ), kept AS (
                    SELECT s.id,
                """ + difference("7") + difference("30") + difference("_inactive") + """
                           -- the streak's kept part: after a miss inside the horizon, the days since it; without one,
                           -- the days since the horizon's start
                           CASE WHEN e.last_miss >= s.first_day THEN e.streak
                                WHEN s.first_day - 1 < s.kept_through THEN coalesce(e.streak, 0) - coalesce(bf.streak, 0)
                                ELSE 0 END AS streak,
                           coalesce(e.last_miss >= s.first_day, false) AS missed
                    FROM bounds s
                    LEFT JOIN LATERAL (
                        SELECT d.cum_scheduled, d.cum_completed, d.last_miss, d.streak FROM adherence_day d
                        WHERE d.patient_id = s.id AND d.day <= s.kept_through
                        ORDER BY d.day DESC LIMIT 1) e ON true
                """ + before("w7", "s.b7") + before("w30", "s.b30") + before("w_inactive", "s.b_inactive")
                + before("bf", "s.first_day - 1") + """
                ), figures AS (
                    SELECT k.id AS patient_id,
                           coalesce(l.s7, 0) + k.s7 AS s7, coalesce(l.c7, 0) + k.c7 AS c7,
                           coalesce(l.s30, 0) + k.s30 AS s30, coalesce(l.c30, 0) + k.c30 AS c30,
                           coalesce(l.s_inactive, 0) + k.s_inactive AS s_inactive,
                           coalesce(l.streak, 0) + CASE WHEN l.last_miss IS NULL THEN k.streak ELSE 0 END AS streak,
                           l.last_miss IS NOT NULL OR k.missed AS missed
                    FROM kept k LEFT JOIN live l ON l.patient_id = k.id
                )""";
    }

    /** The kept days' sessions in the window after bound {@code b<window>}: the two rows' totals subtracted. */
    private static String difference(String window) {
        return """
                       CASE WHEN s.b%1$s < s.kept_through
                            THEN coalesce(e.cum_scheduled, 0) - coalesce(w%1$s.cum_scheduled, 0) ELSE 0 END AS s%1$s,
                       CASE WHEN s.b%1$s < s.kept_through
                            THEN coalesce(e.cum_completed, 0) - coalesce(w%1$s.cum_completed, 0) ELSE 0 END AS c%1$s,
                """.formatted(window).indent(4);
    }

    /**
     * The totals of the last kept day at or before {@code day}, looked up only when {@code day} is before the
     * kept days' end (otherwise the window holds no kept day; the condition on the outer row alone is checked
     * once, before the index is touched).
     */
    private static String before(String alias, String day) {
        return """
                LEFT JOIN LATERAL (
                    SELECT d.cum_scheduled, d.cum_completed, d.streak FROM adherence_day d
                    WHERE d.patient_id = s.id AND d.day <= %2$s AND %2$s < s.kept_through
                    ORDER BY d.day DESC LIMIT 1) %1$s ON true
                """.formatted(alias, day).indent(4);
    }
}
