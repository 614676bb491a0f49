package io.spinewise.plan.data;

import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Direction;
import io.spinewise.plan.outcomes.Instruments;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The clinic's outcomes CSV: one row per answered questionnaire answered from {@code from} to {@code to} (the
 * patients' dates), with the patient's baseline on that instrument (their first score, whenever it was), the
 * change since and its verdict by the MCID rule of {@code outcomes.OutcomeChange}, written here in SQL so that
 * the report stays a server-side COPY. Columns patient_id, patient_name, instrument, due_date, answered_on,
 * late, score, baseline, change, mcid, verdict.
 */
@ApplicationScoped
public class OutcomeRows {

    public static final String HEADER =
            "patient_id,patient_name,instrument,due_date,answered_on,late,score,baseline,change,mcid,verdict";

    /** The instruments' MCID and direction (+1 higher is better, −1 higher is worse), from the library's code. */
    private static final String INSTRUMENTS = Instruments.all().stream().map(i -> i.definition())
            .map(OutcomeRows::row).collect(Collectors.joining(", ", "(VALUES ", ") AS i(code, mcid, sign)"));

    private static final NamedSql REPORT = new NamedSql("""
            WITH scored AS (
                SELECT r.patient_id, r.instrument, r.due_date, r.answered_on, r.score,
                       first_value(r.score) OVER w AS baseline, row_number() OVER w AS nth
                FROM assessment_response r
                WHERE r.clinic_id = :clinic
                WINDOW w AS (PARTITION BY r.patient_id, r.instrument ORDER BY r.due_date, r.answered_at, r.id)
            ),
            pts AS (
                SELECT p.id, p.first_name || ' ' || p.last_name AS name FROM patient p WHERE p.clinic_id = :clinic
            )
            SELECT pts.id AS patient_id, %s AS patient_name, s.instrument, s.due_date, s.answered_on,
                   (s.answered_on > s.due_date)::text AS late, s.score, s.baseline, s.score - s.baseline AS change, i.mcid,
                   CASE WHEN s.nth = 1 THEN 'BASELINE'
                        WHEN (s.score - s.baseline) * i.sign >= i.mcid THEN 'BETTER'
                        WHEN (s.baseline - s.score) * i.sign >= i.mcid THEN 'WORSE'
                        ELSE 'WITHIN_MCID' END AS verdict
            FROM scored s JOIN pts ON pts.id = s.patient_id JOIN %s ON i.code = s.instrument
            WHERE s.answered_on BETWEEN CAST(:from AS date) AND CAST(:to AS date)
            ORDER BY pts.name, pts.id, s.instrument, s.due_date""".formatted(AdherenceDays.SPREADSHEET_SAFE_NAME,
            INSTRUMENTS));

    /** Streams the report into {@code out} on {@code connection} (in the caller's transaction); the row count. */
    public long copyCsv(Connection connection, OutputStream out, String clinicId, LocalDate from, LocalDate to)
            throws SQLException, IOException {
        return REPORT.copyCsv(connection, SqlValues.of("clinic", clinicId).and("from", from).and("to", to), out);
    }

    private static String row(Definition d) {
        // codes and numbers of the library's own definitions, never a caller's text
        return "('" + d.code() + "', " + d.mcid().toPlainString() + "::numeric, "
                + (d.direction() == Direction.HIGHER_IS_BETTER ? 1 : -1) + ")";
    }
}
