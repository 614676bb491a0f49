package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The statements of a patient's erasure (docs/data-protection.md): the mark that stops everything that reaches the
 * person, and the pseudonymisation of everything that names them. What the clinic must keep (check-off dates,
 * counts and pain numbers, questionnaire scores, remote-monitoring minutes, the adherence rollup) is left as it is,
 * attached to the same row id.
 */
@ApplicationScoped
public class Erasures {

    /** What the row says about the patient's erasure, read under a row lock. */
    public enum State { NONE, PENDING, ERASED }

    private static final NamedSql LOCK = new NamedSql("""
            SELECT erasure_requested_at IS NOT NULL AS requested, erased_at IS NOT NULL AS erased
            FROM patient WHERE id = :patient FOR UPDATE""");
    private static final NamedSql MARK = new NamedSql("""
            UPDATE patient SET erasure_requested_at = CAST(:at AS timestamptz), erasure_requested_by = :by
            WHERE id = :patient AND erasure_requested_at IS NULL""");
    /** Nothing may reach the person any more: no browser to push to, no reminder waiting, no calendar feed. */
    private static final List<NamedSql> STOP_CONTACT = List.of(
            new NamedSql("DELETE FROM push_subscription WHERE patient_id = :patient"),
            new NamedSql("DELETE FROM reminder_preference WHERE patient_id = :patient"),
            new NamedSql("""
                    UPDATE reminder SET status = 'SKIPPED', detail = 'patient erased',
                        finished_at = CAST(:at AS timestamptz)
                    WHERE patient_id = :patient AND status = 'PENDING'"""),
            new NamedSql("UPDATE calendar_feed SET token_hash = NULL, rotated_at = NULL WHERE patient_id = :patient"));
    /**
     * Everything that names or describes the person in their own or a clinician's words. The subject becomes its
     * SHA-256 so that a token still alive for the deleted account is recognised and refused, without keeping the id.
     * The names become "Erased patient" wherever a page or report joins them.
     */
    private static final List<NamedSql> PSEUDONYMISE = List.of(
            new NamedSql("""
                    UPDATE patient SET subject = encode(sha256(convert_to(subject, 'UTF8')), 'hex'), username = NULL,
                        first_name = 'Erased', last_name = 'patient', email = NULL, language = NULL,
                        erased_at = CAST(:at AS timestamptz)
                    WHERE id = :patient AND erased_at IS NULL"""),
            new NamedSql("UPDATE session_checkoff SET note = NULL WHERE patient_id = :patient AND note IS NOT NULL"),
            new NamedSql("""
                    UPDATE assessment_response SET answers = (
                        SELECT jsonb_agg(CASE WHEN a -> 'activity' IS NOT NULL
                                              THEN a || '{"activity": "(erased)"}' ELSE a END ORDER BY n)
                        FROM jsonb_array_elements(answers) WITH ORDINALITY AS e (a, n))
                    WHERE patient_id = :patient AND jsonb_path_exists(answers, '$[*].activity')"""),
            new NamedSql("UPDATE rtm_time_entry SET note = NULL WHERE patient_id = :patient AND note IS NOT NULL"),
            new NamedSql("""
                    UPDATE attention_acknowledgement SET note = NULL WHERE patient_id = :patient AND note IS NOT NULL"""),
            // an SMTP error may quote the address; the unsubscribe token's hash leads to nobody any more
            new NamedSql("""
                    UPDATE reminder SET detail = CASE WHEN status = 'SKIPPED' THEN detail END, unsubscribe_hash = NULL
                    WHERE patient_id = :patient AND (unsubscribe_hash IS NOT NULL OR status <> 'SKIPPED')"""));
    private static final NamedSql ERASED_SUBJECT = new NamedSql("""
            SELECT 1 AS found FROM patient
            WHERE subject = encode(sha256(convert_to(:subject, 'UTF8')), 'hex') AND erased_at IS NOT NULL""");

    @Inject
    Database database;

    /** The patient's erasure state, the row locked until the transaction ends; a missing row reads as NONE. */
    public State lock(UUID patientId) {
        return database.first(LOCK, SqlValues.of("patient", patientId),
                rs -> rs.getBoolean("erased") ? State.ERASED : rs.getBoolean("requested") ? State.PENDING : State.NONE)
                .orElse(State.NONE);
    }

    /** Marks the patient for erasure and stops every contact, in the caller's transaction. */
    public void mark(UUID patientId, String requestedBy, Instant at) {
        SqlValues values = SqlValues.of("patient", patientId).and("by", requestedBy).and("at", at);
        database.update(MARK, values);
        STOP_CONTACT.forEach(sql -> database.update(sql, values));
    }

    /** Pseudonymises the patient's row and removes what names them, in the caller's transaction. */
    public void pseudonymise(UUID patientId, Instant at) {
        SqlValues values = SqlValues.of("patient", patientId).and("at", at);
        PSEUDONYMISE.forEach(sql -> database.update(sql, values));
    }

    /** Whether this token subject was an erased patient's (whose tokens may still be alive for minutes). */
    public boolean wasErased(String subject) {
        return database.first(ERASED_SUBJECT, SqlValues.of("subject", subject), rs -> true).isPresent();
    }
}
