package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Treatment-management time (table {@code rtm_time_entry}, V12): logged by a clinician against a patient, withdrawn
 * by marking {@code deleted_at}; every read here sees only live entries.
 */
@ApplicationScoped
public class RtmTimeLog {

    private static final String COLUMNS = "id, patient_id, clinician, clinician_name, performed_on, minutes,"
            + " interactive, note, created_at";

    private static final NamedSql INSERT = new NamedSql("""
            INSERT INTO rtm_time_entry (id, clinic_id, patient_id, clinician, clinician_name, performed_on, minutes,
                                        interactive, note, created_at)
            VALUES (:id, :clinic, :patient, :clinician, CAST(:clinicianName AS text), :date, :minutes, :interactive,
                    CAST(:note AS text), CAST(:now AS timestamptz))""");

    private static final NamedSql OF_PATIENT = new NamedSql("SELECT " + COLUMNS + """
             FROM rtm_time_entry
            WHERE patient_id = :patient AND clinic_id = :clinic AND deleted_at IS NULL
            ORDER BY performed_on DESC, created_at DESC""");

    private static final NamedSql ONE = new NamedSql("SELECT " + COLUMNS + """
             FROM rtm_time_entry
            WHERE id = :id AND patient_id = :patient AND clinic_id = :clinic AND deleted_at IS NULL""");

    private static final NamedSql DELETE = new NamedSql("""
            UPDATE rtm_time_entry SET deleted_at = CAST(:now AS timestamptz)
            WHERE id = :id AND clinician = :clinician AND deleted_at IS NULL""");

    private static final NamedSql OF_CLINIC_MONTH = new NamedSql("SELECT " + COLUMNS + """
             FROM rtm_time_entry
            WHERE clinic_id = :clinic AND performed_on BETWEEN :from AND :to AND deleted_at IS NULL
            ORDER BY patient_id, performed_on""");

    @Inject
    Database database;

    /** One live entry. */
    public record Entry(UUID id, UUID patientId, String clinician, String clinicianName, LocalDate date, int minutes,
                        boolean interactive, String note, Instant createdAt) {
    }

    public Entry add(String clinicId, UUID patientId, String clinician, String clinicianName, LocalDate date,
                     int minutes, boolean interactive, String note, Instant now) {
        UUID id = UUID.randomUUID();
        database.update(INSERT, SqlValues.of("id", id).and("clinic", clinicId).and("patient", patientId)
                .and("clinician", clinician).and("clinicianName", clinicianName).and("date", date)
                .and("minutes", minutes).and("interactive", interactive).and("note", note).and("now", now));
        return new Entry(id, patientId, clinician, clinicianName, date, minutes, interactive, note, now);
    }

    /** A patient's entries, newest first. */
    public List<Entry> ofPatient(String clinicId, UUID patientId) {
        return database.list(OF_PATIENT, SqlValues.of("clinic", clinicId).and("patient", patientId), RtmTimeLog::entry);
    }

    public Optional<Entry> find(String clinicId, UUID patientId, UUID id) {
        return database.first(ONE, SqlValues.of("clinic", clinicId).and("patient", patientId).and("id", id),
                RtmTimeLog::entry);
    }

    /** Marks the clinician's own entry deleted; whether it was. */
    public boolean delete(UUID id, String clinician, Instant now) {
        return database.update(DELETE, SqlValues.of("id", id).and("clinician", clinician).and("now", now)) == 1;
    }

    /** The clinic's entries dated {@code from..to}, by patient. */
    public List<Entry> ofClinic(String clinicId, LocalDate from, LocalDate to) {
        return database.list(OF_CLINIC_MONTH, SqlValues.of("clinic", clinicId).and("from", from).and("to", to),
                RtmTimeLog::entry);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("clinician"), rs.getString("clinician_name"), rs.getObject("performed_on", LocalDate.class),
                rs.getInt("minutes"), rs.getBoolean("interactive"), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant());
    }
}
