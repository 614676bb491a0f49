package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A patient's days with data for Remote Therapeutic Monitoring (docs/rtm.md): the patient's own local dates on
 * which something was recorded. One definition, {@link #DATA_DAYS}, read for one patient or streamed for a clinic.
 */
@ApplicationScoped
public class RtmDataDays {

    /**
     * Every (patient_id, clinic_id, day) with data: a check-off that is not undone, by its session date, and a
     * questionnaire answer, by the patient's date it was answered on (both already the patient's local dates).
     */
    static final String DATA_DAYS = """
            SELECT c.patient_id, c.clinic_id, c.session_date AS day FROM session_checkoff c WHERE c.undone_at IS NULL
            UNION ALL
            SELECT r.patient_id, r.clinic_id, r.answered_on AS day FROM assessment_response r""";

    private static final NamedSql OF_PATIENT = new NamedSql("SELECT DISTINCT d.day FROM (" + DATA_DAYS + """
            ) d WHERE d.patient_id = :patient AND d.clinic_id = :clinic ORDER BY d.day""");

    /**
     * The clinic's patients with data up to :to or time logged from :from to :to, each with their days up to :to
     * (none: one row with a null day), grouped by patient: read with a cursor, row by row.
     */
    private static final NamedSql OF_CLINIC = new NamedSql("""
            SELECT p.id AS patient_id, p.first_name || ' ' || p.last_name AS name, p.time_zone, d.day
            FROM patient p
            LEFT JOIN (SELECT DISTINCT x.patient_id, x.day FROM (""" + DATA_DAYS + """
                  ) x WHERE x.clinic_id = :clinic AND x.day <= :to) d ON d.patient_id = p.id
            WHERE p.clinic_id = :clinic
              AND (d.day IS NOT NULL OR EXISTS (SELECT 1 FROM rtm_time_entry t WHERE t.patient_id = p.id
                   AND t.deleted_at IS NULL AND t.performed_on BETWEEN :from AND :to))
            ORDER BY p.id, d.day""");

    @Inject
    Database database;

    /** One patient of the clinic with every day with data, oldest first. */
    public record PatientDays(UUID patientId, String name, String timeZone, List<LocalDate> days) {
    }

    /** Receives the clinic's patients one at a time. */
    @FunctionalInterface
    public interface Each {
        void accept(PatientDays patient) throws SQLException;
    }

    public List<LocalDate> ofPatient(String clinicId, UUID patientId) {
        return database.list(OF_PATIENT, SqlValues.of("clinic", clinicId).and("patient", patientId),
                rs -> rs.getObject("day", LocalDate.class));
    }

    /**
     * Hands each patient of the clinic with data up to {@code to} or time logged from {@code from} to {@code to}
     * to {@code each}, with all of that patient's days up to {@code to}: the rows come through a cursor (the caller's transaction on {@code connection}, autocommit
     * off), so only one patient's days are held at a time.
     */
    public void ofClinic(Connection connection, String clinicId, LocalDate from, LocalDate to, Each each)
            throws SQLException {
        try (PreparedStatement s = OF_CLINIC.prepare(connection, SqlValues.of("clinic", clinicId).and("from", from)
                .and("to", to))) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                PatientDays current = null;
                while (rs.next()) {
                    UUID id = rs.getObject("patient_id", UUID.class);
                    if (current == null || !current.patientId().equals(id)) {
                        if (current != null) {
                            each.accept(current);
                        }
                        current = new PatientDays(id, rs.getString("name"), rs.getString("time_zone"), new ArrayList<>());
                    }
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    if (day != null) {
                        current.days().add(day);
                    }
                }
                if (current != null) {
                    each.accept(current);
                }
            }
        }
    }
}
