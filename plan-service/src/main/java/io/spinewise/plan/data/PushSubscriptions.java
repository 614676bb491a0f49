package io.spinewise.plan.data;

import io.spinewise.plan.api.PushSubscriptionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The patients' browsers that receive Web Push reminders (table {@code push_subscription}), one row per push
 * endpoint: a browser that subscribes again is the same row, bound to whoever subscribed last.
 */
@ApplicationScoped
public class PushSubscriptions {

    private static final NamedSql SAVE = new NamedSql("""
            INSERT INTO push_subscription (id, patient_id, clinic_id, endpoint, p256dh, auth, user_agent, created_at)
            VALUES (:id, :patient, :clinic, :endpoint, :p256dh, :auth, CAST(:agent AS text), CAST(:now AS timestamptz))
            ON CONFLICT (endpoint) DO UPDATE SET patient_id = EXCLUDED.patient_id, clinic_id = EXCLUDED.clinic_id,
                   p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, user_agent = EXCLUDED.user_agent""");

    private static final NamedSql BY_ENDPOINT = new NamedSql("""
            SELECT id, patient_id, endpoint, p256dh, auth, user_agent, created_at, last_success_at
            FROM push_subscription WHERE endpoint = :endpoint""");

    private static final NamedSql OF_PATIENT = new NamedSql("""
            SELECT id, patient_id, endpoint, p256dh, auth, user_agent, created_at, last_success_at
            FROM push_subscription WHERE patient_id = :patient ORDER BY created_at, id""");

    private static final NamedSql DELETE_OF_PATIENT = new NamedSql("""
            DELETE FROM push_subscription WHERE patient_id = :patient
            AND (endpoint = CAST(:endpoint AS text) OR id = CAST(:id AS uuid))""");

    private static final NamedSql DELETE = new NamedSql("DELETE FROM push_subscription WHERE id = :id");

    private static final NamedSql SUCCEEDED = new NamedSql(
            "UPDATE push_subscription SET last_success_at = CAST(:now AS timestamptz) WHERE id = :id");

    @Inject
    Database database;

    /** A browser's subscription as stored: where to push and the keys that encrypt for it. */
    public record Subscription(UUID id, UUID patientId, String endpoint, byte[] p256dh, byte[] auth,
                               String userAgent, Instant createdAt, Instant lastSuccessAt) {

        public PushSubscriptionView view() {
            return new PushSubscriptionView(id, endpoint, userAgent, createdAt, lastSuccessAt);
        }
    }

    /** Stores a subscription, or re-binds the one of this endpoint to this patient with these keys. */
    public void save(UUID patientId, String clinicId, String endpoint, byte[] p256dh, byte[] auth, String userAgent,
                     Instant now) {
        database.update(SAVE, SqlValues.of("id", UUID.randomUUID()).and("patient", patientId)
                .and("clinic", clinicId).and("endpoint", endpoint).and("p256dh", p256dh).and("auth", auth)
                .and("agent", userAgent).and("now", now));
    }

    public Optional<Subscription> byEndpoint(String endpoint) {
        return database.first(BY_ENDPOINT, SqlValues.of("endpoint", endpoint), PushSubscriptions::read);
    }

    /** A patient's subscriptions, oldest first. */
    public List<Subscription> ofPatient(UUID patientId) {
        return database.list(OF_PATIENT, SqlValues.of("patient", patientId), PushSubscriptions::read);
    }

    /** Deletes the patient's own subscription of this endpoint or id (never another's); how many went. */
    public int deleteOfPatient(UUID patientId, String endpoint, UUID id) {
        return database.update(DELETE_OF_PATIENT, SqlValues.of("patient", patientId).and("endpoint", endpoint)
                .and("id", id));
    }

    /** Deletes a subscription the push service said is gone (404, 410). */
    public void delete(UUID id) {
        database.update(DELETE, SqlValues.of("id", id));
    }

    /** Notes that the push service accepted a message for this subscription. */
    public void succeeded(UUID id, Instant now) {
        database.update(SUCCEEDED, SqlValues.of("id", id).and("now", now));
    }

    private static Subscription read(ResultSet rs) throws SQLException {
        Timestamp success = rs.getTimestamp("last_success_at");
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getString("endpoint"), rs.getBytes("p256dh"), rs.getBytes("auth"), rs.getString("user_agent"),
                rs.getTimestamp("created_at").toInstant(), success == null ? null : success.toInstant());
    }
}
