package io.spinewise.plan.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The adherence rule of {@link io.spinewise.plan.domain.AdherenceRule} in SQL: one row per
 * patient per day ({@code generate_series} over each plan version's window, weekday mask,
 * paused days removed, check-offs counted per plan and day and capped). The CSV report
 * streams it; the end-to-end oracle ({@code AdherenceOracleIT}) holds it to the definition on random histories.
 */
@ApplicationScoped
public class AdherenceQueries {

    /**
     * Parameters: {@code :now} (timestamptz, gives each patient's today), {@code :clinic},
     * {@code :patient} (null = every patient of the clinic), {@code :chiro} (null = any prescriber, else only
     * patients with a plan created by that user), {@code :from}, {@code :to}. Columns:
     * patient_id, patient_name, date, scheduled, completed; ordered by patient and day.
     */
    static final String DAILY = """
            WITH pts AS (
                SELECT p.id, p.first_name || ' ' || p.last_name AS name,
                       (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date AS today
                FROM patient p
                WHERE p.clinic_id = :clinic AND (CAST(:patient AS uuid) IS NULL OR p.id = CAST(:patient AS uuid))
                  AND (CAST(:chiro AS text) IS NULL OR EXISTS (SELECT 1 FROM plan cp WHERE cp.patient_id = p.id
                       AND cp.clinic_id = p.clinic_id AND cp.created_by = CAST(:chiro AS text)))
            ), plan_days AS (
                SELECT pl.patient_id, v.plan_id, g.d::date AS day, v.sessions_per_day AS spd
                FROM plan pl
                JOIN pts ON pts.id = pl.patient_id
                JOIN plan_version v ON v.plan_id = pl.id
                CROSS JOIN LATERAL generate_series(
                    greatest(v.start_date, v.effective_from, CAST(:from AS date)),
                    least(coalesce(v.end_date, 'infinity'), coalesce(v.effective_until, 'infinity'),
                          CAST(:to AS date), pts.today),
                    interval '1 day') AS g(d)
                WHERE v.days_mask & (1 << (extract(isodow FROM g.d)::int - 1)) <> 0
                  AND NOT EXISTS (SELECT 1 FROM plan_pause pp
                                  WHERE pp.plan_id = v.plan_id AND pp.paused_from <= g.d::date
                                    AND (pp.paused_until IS NULL OR pp.paused_until >= g.d::date))
            ), done AS (
                SELECT c.plan_id, c.session_date, count(*) AS n
                FROM session_checkoff c
                WHERE c.clinic_id = :clinic AND (CAST(:patient AS uuid) IS NULL OR c.patient_id = CAST(:patient AS uuid))
                  AND c.session_date BETWEEN CAST(:from AS date) AND CAST(:to AS date) AND c.undone_at IS NULL
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
            CROSS JOIN LATERAL generate_series(CAST(:from AS date), least(CAST(:to AS date), pts.today),
                                               interval '1 day') AS g(d)
            LEFT JOIN per_day ON per_day.patient_id = pts.id AND per_day.day = g.d::date
            ORDER BY pts.id, g.d""";

    private static final NamedSql DAILY_SQL = new NamedSql(DAILY);

    /**
     * The name cell of the CSV, safe to open in a spreadsheet: Excel and LibreOffice run a cell
     * that begins with {@code = + - @}, a tab or a carriage return as a formula, so a patient
     * named {@code =HYPERLINK("http://...")} would put a live link (or worse) into the clinic's
     * sheet (CSV injection). As OWASP recommends, such a name gets a leading single quote, which
     * the spreadsheet shows as text; every other name, and the id, date and count columns (not
     * user text), stay as they are. Done here, in the SQL, so the report stays a server-side COPY.
     */
    static final String SPREADSHEET_SAFE_NAME = "CASE WHEN left(pts.name, 1) IN ('=', '+', '-', '@', chr(9), chr(13))"
            + " THEN '''' || pts.name ELSE pts.name END AS patient_name";

    /**
     * The same query for {@code COPY ... TO STDOUT}, which takes no bind parameters: the values
     * come from transaction-local settings set with bound parameters first, so no caller's
     * text is ever spliced into SQL.
     */
    private static final String DAILY_COPY = "COPY (" + DAILY
            .replace("pts.name AS patient_name", SPREADSHEET_SAFE_NAME)
            .replace("CAST(:chiro AS text)", "nullif(current_setting('spinewise.report_chiro'), '')")
            .replace("CAST(:now AS timestamptz)", "CAST(current_setting('spinewise.report_now') AS timestamptz)")
            .replace(":clinic", "current_setting('spinewise.report_clinic')")
            .replace("CAST(:patient AS uuid)", "CAST(NULL AS uuid)")
            .replace(":from", "current_setting('spinewise.report_from')")
            .replace(":to", "current_setting('spinewise.report_to')")
            + ") TO STDOUT WITH (FORMAT csv, HEADER)";

    private static final String SETTINGS = "SELECT set_config('spinewise.report_now', ?, true),"
            + " set_config('spinewise.report_clinic', ?, true), set_config('spinewise.report_from', ?, true),"
            + " set_config('spinewise.report_to', ?, true), set_config('spinewise.report_chiro', ?, true)";

    @Inject
    AgroalDataSource dataSource;

    /** One day of one patient, as the SQL path computes it. */
    public record PatientDay(UUID patientId, LocalDate date, int scheduled, int completed) {
    }

    /** The statement for the daily rows; the caller owns (and closes) it and its connection. */
    public PreparedStatement daily(Connection connection, Instant now, String clinicId, UUID patientId, LocalDate from,
                                   LocalDate to) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("now", Timestamp.from(now));
        values.put("clinic", clinicId);
        values.put("patient", patientId);
        values.put("chiro", null);
        values.put("from", from);
        values.put("to", to);
        return DAILY_SQL.prepare(connection, values);
    }

    /**
     * Streams a clinic's daily rows as CSV (RFC 4180 quoting by PostgreSQL's CSV format, a
     * header row, a name a spreadsheet would run as a formula prefixed with {@code '}) straight from the server's COPY protocol into {@code out}: no row objects,
     * constant memory. The caller owns the connection and runs this in a transaction (the
     * settings are transaction-local). {@code chiropractor} (null = all) keeps only the patients with a plan
     * that user prescribed.
     */
    public long copyDaily(Connection connection, java.io.OutputStream out, Instant now, String clinicId,
                          String chiropractor, LocalDate from, LocalDate to) throws SQLException, java.io.IOException {
        try (PreparedStatement s = connection.prepareStatement(SETTINGS)) {
            s.setString(1, now.toString());
            s.setString(2, clinicId);
            s.setString(3, from.toString());
            s.setString(4, to.toString());
            s.setString(5, chiropractor == null ? "" : chiropractor);
            s.executeQuery().close();
        }
        return connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut(DAILY_COPY, out);
    }

    /** A prescriber of the clinic: the user id plans were created by and the name stored at prescription. */
    public record Prescriber(String id, String name) {
    }

    /** The clinic's prescribers (distinct plan creators), by name; the name falls back to the id. */
    public List<Prescriber> prescribers(String clinicId) {
        String sql = "SELECT created_by, coalesce(max(created_by_name), created_by) AS name FROM plan"
                + " WHERE clinic_id = ? GROUP BY created_by ORDER BY lower(coalesce(max(created_by_name), created_by)), created_by";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clinicId);
            try (ResultSet rs = s.executeQuery()) {
                List<Prescriber> list = new ArrayList<>();
                while (rs.next()) {
                    list.add(new Prescriber(rs.getString(1), rs.getString(2)));
                }
                return list;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("prescriber query failed", e);
        }
    }

    /** The daily rows as a list: for one patient or tests, never for a clinic-wide report. */
    public List<PatientDay> dailyList(Instant now, String clinicId, UUID patientId, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = daily(c, now, clinicId, patientId, from, to);
             ResultSet rs = s.executeQuery()) {
            List<PatientDay> days = new ArrayList<>();
            while (rs.next()) {
                days.add(new PatientDay(rs.getObject(1, UUID.class), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        rs.getInt(5)));
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("adherence query failed", e);
        }
    }
}
