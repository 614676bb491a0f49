package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assigned questionnaires and their answers (tables {@code assessment_assignment}, {@code assessment_response},
 * {@code V11__questionnaires.sql}). Every read is by patient, whose clinic the caller has already checked.
 */
@ApplicationScoped
public class Assessments {

    private static final String ASSIGNMENT_COLUMNS =
            "id, patient_id, instrument, start_date, every_weeks, active, stopped_on, created_at";

    private static final String RESPONSE_COLUMNS = "id, assignment_id, instrument, due_date, answered_at,"
            + " answered_on, answers::text AS answers, score, request_hash";

    private static final NamedSql ASSIGN = new NamedSql("""
            INSERT INTO assessment_assignment (id, patient_id, clinic_id, instrument, start_date, every_weeks,
                                               created_by, created_at)
            VALUES (:id, :patient, :clinic, :instrument, :start, CAST(:every AS integer), :by,
                    CAST(:now AS timestamptz))
            ON CONFLICT (patient_id, instrument) WHERE active DO NOTHING""");

    private static final NamedSql OF_PATIENT = new NamedSql("SELECT " + ASSIGNMENT_COLUMNS
            + " FROM assessment_assignment WHERE patient_id = :patient ORDER BY created_at, id");

    private static final NamedSql STOP = new NamedSql("""
            UPDATE assessment_assignment SET active = false, stopped_on = :on
            WHERE id = :id AND patient_id = :patient AND active""");

    /** Each patient's own date: an assignment stopped today stops from the patient's today, as {@link #stop}. */
    private static final NamedSql STOP_ALL_IN_CLINIC = new NamedSql("""
            UPDATE assessment_assignment a
               SET active = false, stopped_on = (CAST(:now AS timestamptz) AT TIME ZONE p.time_zone)::date
              FROM patient p
             WHERE p.id = a.patient_id AND a.clinic_id = :clinic AND a.instrument = :instrument AND a.active""");

    private static final NamedSql ANSWER = new NamedSql("""
            INSERT INTO assessment_response (id, assignment_id, patient_id, clinic_id, instrument, due_date,
                                             answered_at, answered_on, answers, score, idempotency_key, request_hash)
            VALUES (:id, :assignment, :patient, :clinic, :instrument, :due, CAST(:now AS timestamptz), :on,
                    CAST(:answers AS jsonb), :score, :key, :hash)
            ON CONFLICT DO NOTHING""");

    private static final NamedSql RESPONSES_OF_PATIENT = new NamedSql("SELECT " + RESPONSE_COLUMNS
            + " FROM assessment_response WHERE patient_id = :patient ORDER BY due_date, answered_at, id");

    private static final NamedSql RESPONSE_BY_KEY = new NamedSql("SELECT " + RESPONSE_COLUMNS
            + " FROM assessment_response WHERE patient_id = :patient AND idempotency_key = :key");

    private static final NamedSql RESPONSE_OF_OCCASION = new NamedSql("SELECT " + RESPONSE_COLUMNS
            + " FROM assessment_response WHERE assignment_id = :assignment AND due_date = :due");

    @Inject
    Database database;

    /** An assignment as stored. */
    public record Assignment(UUID id, UUID patientId, String instrument, LocalDate startDate, Integer everyWeeks,
                             boolean active, LocalDate stoppedOn, Instant createdAt) {
    }

    /** An answered questionnaire as stored; {@code answers} is the JSON array as sent. */
    public record Response(UUID id, UUID assignmentId, String instrument, LocalDate dueDate, Instant answeredAt,
                           LocalDate answeredOn, String answers, BigDecimal score, String requestHash) {
    }

    /** A new answer to store. */
    public record NewResponse(UUID assignmentId, UUID patientId, String clinicId, String instrument,
                              LocalDate dueDate, Instant now, LocalDate answeredOn, String answersJson,
                              BigDecimal score, String idempotencyKey, String requestHash) {
    }

    /** Stores an assignment; false when the patient already has a running one of this instrument. */
    public boolean assign(UUID id, UUID patientId, String clinicId, String instrument, LocalDate start,
                          Integer everyWeeks, String by, Instant now) {
        return database.update(ASSIGN, SqlValues.of("id", id).and("patient", patientId).and("clinic", clinicId)
                .and("instrument", instrument).and("start", start).and("every", everyWeeks).and("by", by)
                .and("now", now)) == 1;
    }

    /** The patient's assignments, oldest first, running and stopped. */
    public List<Assignment> ofPatient(UUID patientId) {
        return database.list(OF_PATIENT, SqlValues.of("patient", patientId), Assessments::assignment);
    }

    /** Stops the patient's running assignment; false when there is none of this id. */
    public boolean stop(UUID patientId, UUID id, LocalDate on) {
        return database.update(STOP, SqlValues.of("id", id).and("patient", patientId).and("on", on)) == 1;
    }

    /** Stops every running assignment of the instrument in the clinic, from each patient's today; how many. */
    public int stopAllInClinic(String clinicId, String instrument, Instant now) {
        return database.update(STOP_ALL_IN_CLINIC, SqlValues.of("clinic", clinicId).and("instrument", instrument)
                .and("now", now));
    }

    /** Stores an answer; false when the occasion is answered already or the key was used (nothing stored). */
    public boolean answer(NewResponse r) {
        return database.update(ANSWER, SqlValues.of("id", UUID.randomUUID()).and("assignment", r.assignmentId())
                .and("patient", r.patientId()).and("clinic", r.clinicId()).and("instrument", r.instrument())
                .and("due", r.dueDate()).and("now", r.now()).and("on", r.answeredOn())
                .and("answers", r.answersJson()).and("score", r.score()).and("key", r.idempotencyKey())
                .and("hash", r.requestHash())) == 1;
    }

    /** The patient's answers, by due date. */
    public List<Response> responsesOf(UUID patientId) {
        return database.list(RESPONSES_OF_PATIENT, SqlValues.of("patient", patientId), Assessments::response);
    }

    public Optional<Response> byKey(UUID patientId, String key) {
        return database.first(RESPONSE_BY_KEY, SqlValues.of("patient", patientId).and("key", key),
                Assessments::response);
    }

    public Optional<Response> ofOccasion(UUID assignmentId, LocalDate due) {
        return database.first(RESPONSE_OF_OCCASION, SqlValues.of("assignment", assignmentId).and("due", due),
                Assessments::response);
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("instrument"), rs.getObject("start_date", LocalDate.class),
                Database.integer(rs, "every_weeks"), rs.getBoolean("active"),
                rs.getObject("stopped_on", LocalDate.class), rs.getTimestamp("created_at").toInstant());
    }

    private static Response response(ResultSet rs) throws SQLException {
        return new Response(rs.getObject("id", UUID.class), rs.getObject("assignment_id", UUID.class),
                rs.getString("instrument"), rs.getObject("due_date", LocalDate.class),
                rs.getTimestamp("answered_at").toInstant(), rs.getObject("answered_on", LocalDate.class),
                rs.getString("answers"), rs.getBigDecimal("score"), rs.getString("request_hash"));
    }
}
