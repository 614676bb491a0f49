package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Patient rows written by hand, where an insert must yield to a concurrent one (the entity cannot), and a
 * clinic's number of patients as V24's triggers keep it.
 */
@ApplicationScoped
public class PatientRows {

    private static final NamedSql INSERT_IF_ABSENT = new NamedSql("""
            INSERT INTO patient (id, clinic_id, subject, username, first_name, last_name, email, time_zone)
            VALUES (:id, :clinic, :subject, :username, :firstName, :lastName, :email, :timeZone)
            ON CONFLICT (subject) DO NOTHING""");

    private static final NamedSql CLINIC_PATIENTS = new NamedSql(
            "SELECT patients FROM clinic_patient_count WHERE clinic_id = :clinic");

    @Inject
    Database database;

    /** How many patients the clinic has: one row read, however many there are. */
    public long clinicPatients(String clinicId) {
        return database.first(CLINIC_PATIENTS, SqlValues.of("clinic", clinicId), rs -> rs.getLong("patients"))
                .orElse(0L);
    }

    /** A patient's row, unless one with this subject exists already (then nothing changes). */
    public record NewPatient(String clinicId, String subject, String username, String firstName, String lastName,
                             String email, String timeZone) {
    }

    public void insertIfAbsent(NewPatient p) {
        database.update(INSERT_IF_ABSENT, SqlValues.of("id", UUID.randomUUID()).and("clinic", p.clinicId())
                .and("subject", p.subject()).and("username", p.username()).and("firstName", p.firstName())
                .and("lastName", p.lastName()).and("email", p.email()).and("timeZone", p.timeZone()));
    }
}
