package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Patient rows written by hand, where an insert must yield to a concurrent one (the entity cannot). */
@ApplicationScoped
public class PatientRows {

    private static final NamedSql INSERT_IF_ABSENT = new NamedSql("""
            INSERT INTO patient (id, clinic_id, subject, username, first_name, last_name, email, time_zone)
            VALUES (:id, :clinic, :subject, :username, :firstName, :lastName, :email, :timeZone)
            ON CONFLICT (subject) DO NOTHING""");

    @Inject
    Database database;

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
