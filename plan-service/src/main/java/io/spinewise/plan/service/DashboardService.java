package io.spinewise.plan.service;

import io.agroal.api.AgroalDataSource;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.api.DashboardRow;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic dashboard: a page of the clinic's patients (by name) with their figures, all
 * computed in one SQL statement per page over a bounded horizon (the longest of 30 days, the
 * inactivity span and the streak horizon), so the cost depends on the page size, not on the
 * clinic's size or the length of its history. Same rule as {@link AdherenceRule}.
 */
@ApplicationScoped
public class DashboardService {

    static final String FIGURES = """
            WITH pts AS (
                SELECT p.id, (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date AS today
                FROM patient p WHERE p.id = ANY(:ids)
            ), plan_days AS (
                SELECT pl.patient_id, v.plan_id, g.d::date AS day, v.sessions_per_day AS spd
                FROM plan pl
                JOIN pts ON pts.id = pl.patient_id
                JOIN plan_version v ON v.plan_id = pl.id
                CROSS JOIN LATERAL generate_series(
                    greatest(v.start_date, v.effective_from, pts.today - (CAST(:horizon AS int) - 1)),
                    least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'), pts.today),
                    interval '1 day') AS g(d)
                WHERE v.days_mask & (1 << (extract(isodow FROM g.d)::int - 1)) <> 0
                  AND NOT EXISTS (SELECT 1 FROM plan_pause pp
                                  WHERE pp.plan_id = v.plan_id AND pp.paused_from <= g.d::date
                                    AND (pp.paused_until IS NULL OR pp.paused_until >= g.d::date))
            ), done AS (
                SELECT c.plan_id, c.session_date, count(*) AS n
                FROM session_checkoff c JOIN pts ON pts.id = c.patient_id
                WHERE c.session_date BETWEEN pts.today - (CAST(:horizon AS int) - 1) AND pts.today
                  AND c.undone_at IS NULL
                GROUP BY c.plan_id, c.session_date
            ), per_day AS (
                SELECT pd.patient_id, pd.day, sum(pd.spd) AS scheduled,
                       sum(least(coalesce(done.n, 0), pd.spd)) AS completed
                FROM plan_days pd
                LEFT JOIN done ON done.plan_id = pd.plan_id AND done.session_date = pd.day
                GROUP BY pd.patient_id, pd.day
            ), misses AS (
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
                                          AND d.day > coalesce(m.last_miss, '-infinity')) AS streak
                FROM per_day d JOIN pts ON pts.id = d.patient_id JOIN misses m ON m.patient_id = d.patient_id
                GROUP BY d.patient_id
            )
            SELECT pts.id, pts.today,
                   coalesce(f.s7, 0), coalesce(f.c7, 0), coalesce(f.s30, 0), coalesce(f.c30, 0),
                   coalesce(f.s_inactive, 0), coalesce(f.streak, 0),
                   -- the streak may run on before the horizon: no miss inside it, and a schedule that began before it
                   NOT EXISTS (SELECT 1 FROM misses m WHERE m.patient_id = pts.id AND m.last_miss IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM plan pl JOIN plan_version v ON v.plan_id = pl.id
                               WHERE pl.patient_id = pts.id
                                 AND greatest(v.start_date, v.effective_from) < pts.today - (CAST(:horizon AS int) - 1)
                                 AND greatest(v.start_date, v.effective_from)
                                     <= least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'))),
                   last.session_date AS last_session, pain.latest,
                   trend.early, trend.recent, trend.n AS reports
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
            LEFT JOIN LATERAL (
                SELECT round(avg(x.pain_before) FILTER (WHERE x.up <= least(3, x.n / 2)), 2) AS early,
                       round(avg(x.pain_before) FILTER (WHERE x.down <= least(3, x.n / 2)), 2) AS recent,
                       max(x.n) AS n
                FROM (
                    SELECT c.pain_before,
                           row_number() OVER (ORDER BY c.session_date, c.created_at, c.id) AS up,
                           row_number() OVER (ORDER BY c.session_date DESC, c.created_at DESC, c.id DESC) AS down,
                           count(*) OVER () AS n
                    FROM session_checkoff c
                    WHERE c.patient_id = pts.id AND c.undone_at IS NULL AND c.pain_before IS NOT NULL
                      AND c.session_date BETWEEN pts.today - 29 AND pts.today) x) trend ON true""";

    private static final NamedSql FIGURES_SQL = new NamedSql(FIGURES);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PatientService patients;

    @Inject
    ClinicSettingsService settings;

    @Inject
    PlanConfig config;

    @Inject
    Today today;

    public Page<DashboardRow> page(String clinicId, String text, PageRequest paging) {
        Page<Patient> page = patients.list(clinicId, text, paging);
        ClinicSettingsView thresholds = settings.of(clinicId);
        Map<UUID, DashboardRow> rows = figures(page.items(), thresholds);
        return page.map(p -> rows.get(p.id));
    }

    private Map<UUID, DashboardRow> figures(List<Patient> page, ClinicSettingsView thresholds) {
        Map<UUID, DashboardRow> rows = new HashMap<>();
        if (page.isEmpty()) {
            return rows;
        }
        Map<UUID, String> names = new HashMap<>();
        page.forEach(p -> names.put(p.id, p.name()));
        int horizon = Math.max(Math.max(30, thresholds.inactiveDays()), config.dashboard().streakHorizonDays());
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("uuid", page.stream().map(p -> p.id).toArray());
            Map<String, Object> values = new HashMap<>();
            values.put("now", Timestamp.from(today.now()));
            values.put("ids", ids);
            values.put("horizon", horizon);
            values.put("inactive", thresholds.inactiveDays());
            try (PreparedStatement s = FIGURES_SQL.prepare(c, values); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    DashboardRow row = row(rs, names, thresholds);
                    rows.put(row.patientId(), row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dashboard query failed", e);
        }
        return rows;
    }

    private DashboardRow row(ResultSet rs, Map<UUID, String> names, ClinicSettingsView t) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        LocalDate localToday = rs.getObject(2, LocalDate.class);
        long s7 = rs.getLong(3);
        long c7 = rs.getLong(4);
        long s30 = rs.getLong(5);
        long c30 = rs.getLong(6);
        long sInactive = rs.getLong(7);
        int streak = rs.getInt(8);
        boolean capped = rs.getBoolean(9);
        LocalDate last = rs.getObject(10, LocalDate.class);
        int latestValue = rs.getInt(11);
        Integer latest = rs.wasNull() ? null : latestValue;
        BigDecimal early = rs.getBigDecimal(12);
        BigDecimal recent = rs.getBigDecimal(13);
        long reports = rs.getLong(14);
        Double change = reports >= 2 && early != null && recent != null
                ? recent.subtract(early).doubleValue() : null;

        Double pct30 = AdherenceRule.percentage(c30, s30);
        List<String> flags = new ArrayList<>();
        if (pct30 != null && pct30 < t.lowAdherencePercent()) {
            flags.add("LOW_ADHERENCE");
        }
        if (latest != null && latest >= t.painThreshold()) {
            flags.add("PAIN");
        }
        if (sInactive > 0 && (last == null || !last.isAfter(localToday.minusDays(t.inactiveDays())))) {
            flags.add("INACTIVE");
        }
        return new DashboardRow(id, names.get(id), new DashboardRow.Window(s7, c7, AdherenceRule.percentage(c7, s7)),
                new DashboardRow.Window(s30, c30, pct30), streak, capped, last, latest, change, flags);
    }
}
