package io.spinewise.plan.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the adherence rollup must keep true, for the tests: every kept row is the row the live SQL computes
 * now, and the dashboard and the CSV report served from the rollup are the ones computed live
 * ({@link DashboardFigures#LIVE}, {@link AdherenceDays#LIVE_REPORT}: the definition).
 */
public final class RollupChecks {

    /**
     * Rows of adherence_day up to settled_through that differ from the live per_day rows, or are missing; the
     * running totals (V21) are held to the same rows added up here from the patient's first day.
     */
    static final String STALE_ROWS = """
            WITH pts AS (
                SELECT r.patient_id AS id, date '-infinity' AS first_day, r.settled_through AS last_day
                FROM adherence_rollup r WHERE r.settled_through > '-infinity'
            ),
            """ + AdherenceSql.perDay("""
            FROM session_checkoff c JOIN pts ON pts.id = c.patient_id
            WHERE c.session_date BETWEEN pts.first_day AND pts.last_day""") + """
            , computed AS (
                SELECT d.patient_id, d.day, d.scheduled, d.completed,
                       sum(d.scheduled) OVER w AS cum_scheduled, sum(d.completed) OVER w AS cum_completed,
                       (SELECT max(x.day) FROM per_day x WHERE x.patient_id = d.patient_id AND x.day <= d.day
                          AND x.completed < x.scheduled) AS last_miss
                FROM per_day d WINDOW w AS (PARTITION BY d.patient_id ORDER BY d.day)
            ), expected AS (
                SELECT c.*, (SELECT count(*) FROM per_day x WHERE x.patient_id = c.patient_id AND x.day <= c.day
                               AND x.day > coalesce(c.last_miss, '-infinity')) AS streak
                FROM computed c
            ), kept AS (
                SELECT d.patient_id, d.day, d.scheduled, d.completed, d.cum_scheduled, d.cum_completed,
                       d.last_miss, CAST(d.streak AS bigint)
                FROM adherence_day d JOIN pts ON pts.id = d.patient_id AND d.day <= pts.last_day
            )
            (SELECT 'computed, not kept' AS what, * FROM (SELECT * FROM expected EXCEPT ALL SELECT * FROM kept) x)
            UNION ALL
            (SELECT 'kept, not computed', * FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM expected) y)
            ORDER BY 2, 3""";

    private RollupChecks() {
    }

    /** The kept rows that are not what the live SQL computes (empty when the rollup is exact). */
    public static List<String> staleRows(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(STALE_ROWS);
             ResultSet rs = s.executeQuery()) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + ": patient " + rs.getString(2) + " " + rs.getString(3)
                        + " scheduled " + rs.getString(4) + " completed " + rs.getString(5) + " totals "
                        + rs.getString(6) + "/" + rs.getString(7) + " last miss " + rs.getString(8) + " streak "
                        + rs.getString(9));
            }
            return rows;
        }
    }

    /**
     * The clinic's CSV report as the service streams it ({@link AdherenceDays#REPORT}: patient by patient, settled
     * days from the rollup) is byte for byte the report computed live over the whole range
     * ({@link AdherenceDays#LIVE_REPORT}), for the range and chiropractor (null: all) given.
     */
    public static void assertSameReport(DataSource dataSource, String clinic, String chiropractor, Instant now,
                                        LocalDate from, LocalDate to) throws SQLException, IOException {
        SqlValues values = SqlValues.of("now", now).and("clinic", clinic).and("chiro", chiropractor)
                .and("from", from).and("to", to);
        assertThat(csv(dataSource, AdherenceDays.REPORT, values))
                .as("report from the rollup at %s, %s to %s, chiropractor %s", now, from, to, chiropractor)
                .isEqualTo(csv(dataSource, AdherenceDays.LIVE_REPORT, values));
    }

    private static String csv(DataSource dataSource, NamedSql report, SqlValues values)
            throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            report.copyCsv(c, values, out);
            c.rollback();
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The dashboard's figures from the rollup equal the live ones for these patients at {@code now}. */
    public static void assertSameFigures(DashboardFigures figures, List<UUID> patients, Instant now, int horizon,
                                         int inactive) {
        assertThat(figures.of(DashboardFigures.FIGURES, patients, now, horizon, inactive))
                .as("dashboard from the rollup at %s, horizon %d, inactive %d", now, horizon, inactive)
                .containsExactlyInAnyOrderElementsOf(figures.of(DashboardFigures.LIVE, patients, now, horizon,
                        inactive));
    }
}
