package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The adherence rule's daily rows ({@link AdherenceSql}), one per patient per day from {@code :from} to
 * {@code :to} cut at each patient's today: streamed as the clinic's CSV report, or listed for one patient.
 * Columns patient_id, patient_name, date, scheduled, completed; ordered by patient and day.
 */
@ApplicationScoped
public class AdherenceDays {

    /**
     * The name cell of the CSV, safe to open in a spreadsheet: Excel and LibreOffice run a cell
     * that begins with {@code = + - @}, a tab or a carriage return as a formula, so a patient
     * named {@code =HYPERLINK("http://...")} would put a live link (or worse) into the clinic's
     * sheet (CSV injection). As OWASP recommends, such a name gets a leading single quote, which
     * the spreadsheet shows as text; every other name, and the id, date and count columns (not
     * user text), stay as they are. Done here, in the SQL, so the report stays a server-side COPY.
     */
    static final String SPREADSHEET_SAFE_NAME = "CASE WHEN left(pts.name, 1) IN ('=', '+', '-', '@', chr(9), chr(13))"
            + " THEN '''' || pts.name ELSE pts.name END";

    /** The clinic's patients, or with {@code :chiro} (a user id) only those with a plan that user prescribed. */
    private static final String OF_PRESCRIBER = """
            (CAST(:chiro AS text) IS NULL
                   OR EXISTS (SELECT 1 FROM plan cp WHERE cp.patient_id = p.id AND cp.clinic_id = p.clinic_id
                              AND cp.created_by = CAST(:chiro AS text)))""";

    /**
     * The clinic's CSV report, {@code COPY}'d by the server: see {@link #copyCsv}. Patient by patient (a lateral
     * join), each patient's settled days read from the rollup ({@link AdherenceRollup}) and the rest computed, so
     * that rows come out in (patient, day) order as they are made: the first row does not wait for the whole
     * range to be computed and sorted. The same bytes as {@link #LIVE_REPORT} ({@code AdherenceRollupTest}).
     */
    static final NamedSql REPORT = new NamedSql(byPatient(OF_PRESCRIBER, SPREADSHEET_SAFE_NAME));

    /** The report computed live over the whole range, then sorted: the definition {@link #REPORT} is held to. */
    static final NamedSql LIVE_REPORT = new NamedSql(daily(OF_PRESCRIBER, SPREADSHEET_SAFE_NAME));

    private static final NamedSql ONE_PATIENT = new NamedSql(daily("p.id = CAST(:patient AS uuid)", "pts.name"));

    @Inject
    Database database;

    /** One day of one patient, as the SQL path computes it. */
    public record PatientDay(UUID patientId, LocalDate date, int scheduled, int completed) {
    }

    private static String daily(String whichPatients, String nameCell) {
        return """
                WITH pts AS (
                    SELECT p.id, p.first_name || ' ' || p.last_name AS name, CAST(:from AS date) AS first_day,
                           least(CAST(:to AS date), %s) AS last_day
                    FROM patient p
                    WHERE p.clinic_id = :clinic AND %s
                ),
                """.formatted(AdherenceSql.TODAY, whichPatients.strip()) + AdherenceSql.perDay("""
                FROM session_checkoff c
                WHERE c.clinic_id = :clinic AND c.session_date BETWEEN CAST(:from AS date) AND CAST(:to AS date)""")
                + """

                SELECT pts.id AS patient_id, %s AS patient_name, g.d::date AS date,
                       coalesce(per_day.scheduled, 0) AS scheduled, coalesce(per_day.completed, 0) AS completed
                FROM pts
                CROSS JOIN LATERAL generate_series(pts.first_day, pts.last_day, interval '1 day') AS g(d)
                LEFT JOIN per_day ON per_day.patient_id = pts.id AND per_day.day = g.d::date
                ORDER BY pts.id, g.d""".formatted(nameCell);
    }

    /**
     * The rows of {@link #daily} for the same patients, one patient at a time: per patient, the days of
     * {@link AdherenceRollup#perDay()} (its CTE {@code pts} is the one patient), in day order.
     */
    private static String byPatient(String whichPatients, String nameCell) {
        return """
                WITH patients AS (
                    SELECT p.id, p.first_name || ' ' || p.last_name AS name, CAST(:from AS date) AS first_day,
                           least(CAST(:to AS date), %s) AS last_day
                    FROM patient p
                    WHERE p.clinic_id = :clinic AND %s
                )
                SELECT one.id AS patient_id, %s AS patient_name, days.date, days.scheduled, days.completed
                FROM patients one
                CROSS JOIN LATERAL (
                    WITH pts AS (SELECT one.id, one.first_day, one.last_day),
                """.formatted(AdherenceSql.TODAY, whichPatients.strip(), nameCell.replace("pts.", "one."))
                + AdherenceRollup.perDay().indent(4) + """
                    SELECT g.d::date AS date, coalesce(per_day.scheduled, 0) AS scheduled,
                           coalesce(per_day.completed, 0) AS completed
                    FROM generate_series(one.first_day, one.last_day, interval '1 day') AS g(d)
                    LEFT JOIN per_day ON per_day.day = g.d::date
                ) days
                ORDER BY one.id, days.date""";
    }

    /**
     * Streams a clinic's daily rows as CSV (RFC 4180 quoting by PostgreSQL's CSV format, a header row,
     * a name a spreadsheet would run as a formula prefixed with {@code '}) straight from the server's
     * COPY protocol into {@code out}: no row objects, constant memory. The caller owns the connection and
     * runs this in a transaction (the parameters travel as transaction-local settings).
     * {@code chiropractor} (null = all) keeps only the patients with a plan that user prescribed.
     */
    public long copyCsv(Connection connection, OutputStream out, Instant now, String clinicId, String chiropractor,
                        LocalDate from, LocalDate to) throws SQLException, IOException {
        return REPORT.copyCsv(connection, SqlValues.of("now", now).and("clinic", clinicId)
                .and("chiro", chiropractor).and("from", from).and("to", to), out);
    }

    /** One patient's daily rows as a list (never a clinic-wide report), e.g. to hold the SQL to Java's dates. */
    public List<PatientDay> ofPatient(Instant now, String clinicId, UUID patientId, LocalDate from, LocalDate to) {
        return database.list(ONE_PATIENT, SqlValues.of("now", now).and("clinic", clinicId).and("patient", patientId)
                        .and("from", from).and("to", to),
                rs -> new PatientDay(rs.getObject("patient_id", UUID.class), rs.getObject("date", LocalDate.class),
                        rs.getInt("scheduled"), rs.getInt("completed")));
    }
}
