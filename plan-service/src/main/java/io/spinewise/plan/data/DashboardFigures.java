package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The figures of a page of the clinic dashboard, computed in one SQL statement per page over a bounded
 * horizon (the caller's: the longest span a figure needs), so the cost depends on the page size, not
 * on the clinic's size or the length of its history. The adherence rule is {@link AdherenceSql}'s; the
 * days up to each patient's settled day are read from {@link AdherenceRollup}'s table, the rest computed.
 */
@ApplicationScoped
public class DashboardFigures {

    /** The patients of the page and the horizon's days, for either way of computing the days. */
    private static final String PATIENTS = """
            WITH pts AS (
                SELECT p.id, %s AS today,
                       %s - (CAST(:horizon AS int) - 1) AS first_day, %s AS last_day
                FROM patient p WHERE p.id = ANY(:ids)
            ),
            """.formatted(AdherenceSql.TODAY, AdherenceSql.TODAY, AdherenceSql.TODAY);

    /** The live definition's figures from {@code per_day}: every day of the horizon, added up. */
    private static final String FROM_DAYS = """
            , misses AS (
                SELECT d.patient_id,
                       max(d.day) FILTER (WHERE d.completed < d.scheduled AND d.day < pts.today) AS last_miss
                FROM per_day d JOIN pts ON pts.id = d.patient_id
                GROUP BY d.patient_id
            ), figures AS (
                SELECT d.patient_id,
                       sum(d.scheduled) FILTER (WHERE d.day > pts.today - 7) AS s7,
                       sum(d.completed) FILTER (WHERE d.day > pts.today - 7) AS c7,
                       sum(d.scheduled) FILTER (WHERE d.day > pts.today - 30) AS s30,
                       sum(d.completed) FILTER (WHERE d.day > pts.today - 30) AS c30,
                       sum(d.scheduled) FILTER (WHERE d.day > pts.today - CAST(:inactive AS int)) AS s_inactive,
                       count(*) FILTER (WHERE d.completed >= d.scheduled
                                          AND d.day > coalesce(m.last_miss, '-infinity')) AS streak,
                       m.last_miss IS NOT NULL AS missed
                FROM per_day d JOIN pts ON pts.id = d.patient_id JOIN misses m ON m.patient_id = d.patient_id
                GROUP BY d.patient_id, m.last_miss
            )
            """;

    /** The row of a page: the adherence figures of CTE {@code figures}, the last session, pain and its trend. */
    private static final String PAGE_ROW = """
            SELECT pts.id, pts.today,
                   coalesce(f.s7, 0) AS s7, coalesce(f.c7, 0) AS c7, coalesce(f.s30, 0) AS s30,
                   coalesce(f.c30, 0) AS c30, coalesce(f.s_inactive, 0) AS s_inactive, coalesce(f.streak, 0) AS streak,
                   -- the streak may run on before the horizon: no miss inside it, and a schedule that began before it
                   NOT coalesce(f.missed, false)
                   AND EXISTS (SELECT 1 FROM plan pl JOIN plan_version v ON v.plan_id = pl.id
                               WHERE pl.patient_id = pts.id
                                 AND greatest(v.start_date, v.effective_from) < pts.first_day
                                 AND greatest(v.start_date, v.effective_from)
                                     <= least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity')))
                   AS streak_capped,
                   last.session_date AS last_session, pain.latest,
                   early.early, recent.recent, reports.n AS reports
            FROM pts
            LEFT JOIN figures f ON f.patient_id = pts.id
            LEFT JOIN LATERAL (
                SELECT c.session_date FROM session_checkoff c
                WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.session_date <= pts.today
                ORDER BY c.session_date DESC LIMIT 1) last ON true
            LEFT JOIN LATERAL (
                SELECT coalesce(c.pain_after, c.pain_before) AS latest FROM session_checkoff c
                WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.session_date <= pts.today
                  AND (c.pain_after IS NOT NULL OR c.pain_before IS NOT NULL)
                ORDER BY c.session_date DESC, c.created_at DESC, c.id DESC LIMIT 1) pain ON true
            -- the pain trend: the first and the last least(3, n / 2) of the n ratings before a session in the last
            -- 30 days, each side a short index scan that stops after its three (two window sorts per patient cost
            -- five times as much on a page of 100: bench/README.md, "The check-off statement's parts, and the dashboard's pain trend")
            LEFT JOIN LATERAL (
                SELECT count(*) AS n FROM session_checkoff c
                WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL
                  AND c.session_date BETWEEN pts.today - 29 AND pts.today) reports ON true
            LEFT JOIN LATERAL (
                SELECT round(avg(e.pain_before), 2) AS early FROM (
                    SELECT c.pain_before FROM session_checkoff c
                    WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL
                      AND c.session_date BETWEEN pts.today - 29 AND pts.today
                    ORDER BY c.session_date, c.created_at, c.id LIMIT least(3, reports.n / 2)) e) early ON true
            LEFT JOIN LATERAL (
                SELECT round(avg(e.pain_before), 2) AS recent FROM (
                    SELECT c.pain_before FROM session_checkoff c
                    WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL
                      AND c.session_date BETWEEN pts.today - 29 AND pts.today
                    ORDER BY c.session_date DESC, c.created_at DESC, c.id DESC
                    LIMIT least(3, reports.n / 2)) e) recent ON true""";

    /**
     * The definition: every day of the horizon computed from the plans and check-offs. Not used to serve;
     * {@code AdherenceRollupTest} holds {@link #FIGURES} to it.
     */
    static final NamedSql LIVE = new NamedSql(PATIENTS + AdherenceSql.perDay("""
            FROM session_checkoff c JOIN pts ON pts.id = c.patient_id
            WHERE c.session_date BETWEEN pts.first_day AND pts.last_day""") + FROM_DAYS + PAGE_ROW);

    /**
     * What the dashboard runs: the same figures, the settled days' from {@link RunningTotals} (two rows of the
     * rollup per window instead of every day of it).
     */
    static final NamedSql FIGURES = new NamedSql(PATIENTS + RunningTotals.figures() + PAGE_ROW);

    @Inject
    Database database;

    /**
     * One patient's figures: sessions scheduled and completed over 7 and 30 days and over the inactivity
     * span, the streak (and whether it may run on before the horizon), the last session, the latest pain
     * and the pain trend's early and recent averages (of {@code painReports} ratings over 30 days).
     */
    public record Figures(UUID patientId, LocalDate today, long scheduled7, long completed7, long scheduled30,
                          long completed30, long scheduledInactive, int streak, boolean streakCapped,
                          LocalDate lastSession, Integer latestPain, BigDecimal earlyPain, BigDecimal recentPain,
                          long painReports) {
    }

    public List<Figures> of(List<UUID> patientIds, Instant now, int horizonDays, int inactiveDays) {
        return of(FIGURES, patientIds, now, horizonDays, inactiveDays);
    }

    List<Figures> of(NamedSql figures, List<UUID> patientIds, Instant now, int horizonDays, int inactiveDays) {
        try (Connection c = database.connection()) {
            Array ids = c.createArrayOf("uuid", patientIds.toArray());
            return Database.list(c, figures, SqlValues.of("now", now).and("ids", ids).and("horizon", horizonDays)
                    .and("inactive", inactiveDays), rs -> new Figures(rs.getObject("id", UUID.class),
                    rs.getObject("today", LocalDate.class), rs.getLong("s7"), rs.getLong("c7"), rs.getLong("s30"),
                    rs.getLong("c30"), rs.getLong("s_inactive"), rs.getInt("streak"), rs.getBoolean("streak_capped"),
                    rs.getObject("last_session", LocalDate.class), Database.integer(rs, "latest"),
                    rs.getBigDecimal("early"), rs.getBigDecimal("recent"), rs.getLong("reports")));
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed", e);
        }
    }
}
