package io.spinewise.plan.data;

import io.spinewise.plan.api.SentReminderView;
import io.spinewise.plan.domain.ReminderChannel;
import io.spinewise.plan.domain.ReminderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reminder queue (table {@code reminder}): planned once per session slot and channel whatever the number of
 * replicas (the UNIQUE key with ON CONFLICT DO NOTHING), claimed by one sender at a time (FOR UPDATE SKIP LOCKED:
 * another replica passes over a row being sent instead of waiting for it or sending it too).
 */
@ApplicationScoped
public class Reminders {

    /**
     * Patients with an active plan who might have a reminder due now: a channel is on in the settings in force
     * (their own choice, else their clinic's default, else the configured one) and their first reminder time of
     * the day has come in their zone (later slots are later the same day: {@code SessionCalendar.start}). A
     * superset of whom the planner reminds: it still checks every rule. Without it, the planner opened a
     * transaction a minute for every patient with a plan, reminded or not (bench/README.md, "Reminder planner").
     */
    private static final NamedSql REMINDER_CANDIDATES = new NamedSql("""
            SELECT pa.id FROM patient pa
            LEFT JOIN reminder_preference rp ON rp.patient_id = pa.id
            LEFT JOIN clinic_reminder_default cd ON cd.clinic_id = pa.clinic_id
            WHERE EXISTS (SELECT 1 FROM plan pl WHERE pl.patient_id = pa.id AND pl.status = 'ACTIVE')
              AND CASE WHEN rp.patient_id IS NOT NULL THEN rp.email OR (rp.push AND CAST(:push AS boolean))
                       WHEN cd.clinic_id IS NOT NULL THEN cd.email OR (cd.push AND CAST(:push AS boolean))
                       ELSE CAST(:defaultEmail AS boolean) END
              AND (CAST(:now AS timestamptz) AT TIME ZONE pa.time_zone)::time
                  >= coalesce(rp.remind_at, cd.remind_at, CAST(:defaultRemindAt AS time))""");

    private static final NamedSql PLAN = new NamedSql("""
            INSERT INTO reminder (id, clinic_id, patient_id, plan_id, session_date, slot, channel, due_at)
            VALUES (:id, :clinic, :patient, :plan, :date, :slot, :channel, CAST(:due AS timestamptz))
            ON CONFLICT (plan_id, session_date, slot, channel) DO NOTHING""");

    private static final NamedSql CLAIM = new NamedSql("""
            SELECT id, clinic_id, patient_id, plan_id, session_date, slot, channel, due_at, attempts FROM reminder
            WHERE status = 'PENDING' AND due_at <= CAST(:now AS timestamptz)
            ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""");

    private static final NamedSql FINISH = new NamedSql("""
            UPDATE reminder SET status = :status, detail = CAST(:detail AS text), attempts = attempts + :attempted,
                   unsubscribe_hash = CAST(:hash AS bytea), finished_at = CAST(:now AS timestamptz)
            WHERE id = :id""");

    private static final NamedSql RETRY_LATER = new NamedSql("""
            UPDATE reminder SET attempts = attempts + 1, detail = :detail, due_at = CAST(:due AS timestamptz)
            WHERE id = :id""");

    private static final NamedSql OF_PATIENT = new NamedSql("""
            SELECT id, plan_id, session_date, slot, channel, due_at, status, detail, finished_at FROM reminder
            WHERE patient_id = :patient ORDER BY due_at DESC, id LIMIT :limit OFFSET :offset""");

    private static final NamedSql COUNT_OF_PATIENT = new NamedSql(
            "SELECT count(*) AS n FROM reminder WHERE patient_id = :patient");

    private static final NamedSql BY_UNSUBSCRIBE = new NamedSql(
            "SELECT patient_id, unsubscribe_hash FROM reminder WHERE unsubscribe_hash = :hash");

    private static final NamedSql OLDEST_DUE = new NamedSql(
            "SELECT due_at AS due FROM reminder WHERE status = 'PENDING' AND due_at <= CAST(:now AS timestamptz)"
            + " ORDER BY due_at LIMIT 1");

    @Inject
    Database database;

    /** A reminder a sender holds (locked until its transaction ends). */
    public record Claimed(UUID id, String clinicId, UUID patientId, UUID planId, LocalDate sessionDate, int slot,
                          ReminderChannel channel, Instant dueAt, int attempts) {
    }

    /**
     * Who might have a reminder due at {@code now} (see {@link #REMINDER_CANDIDATES}); {@code push}: whether Web
     * Push can be sent at all; the last two: the configured default for clinics that set none.
     */
    public List<UUID> reminderCandidates(Instant now, boolean push, boolean defaultEmail, LocalTime defaultRemindAt) {
        return database.list(REMINDER_CANDIDATES, SqlValues.of("now", now).and("push", push)
                        .and("defaultEmail", defaultEmail).and("defaultRemindAt", defaultRemindAt.toString()),
                rs -> rs.getObject("id", UUID.class));
    }

    /** Plans a reminder unless that slot and channel already has one; whether this call planned it. */
    public boolean plan(String clinicId, UUID patientId, UUID planId, LocalDate date, int slot,
                        ReminderChannel channel, Instant due) {
        return database.update(PLAN, SqlValues.of("id", UUID.randomUUID()).and("clinic", clinicId)
                .and("patient", patientId).and("plan", planId).and("date", date).and("slot", slot)
                .and("channel", channel.name()).and("due", due)) == 1;
    }

    /** The earliest due PENDING reminder that no other transaction holds, locked; call inside a transaction. */
    public Optional<Claimed> claimNext(Instant now) {
        return database.first(CLAIM, SqlValues.of("now", now), rs -> new Claimed(
                rs.getObject("id", UUID.class), rs.getString("clinic_id"), rs.getObject("patient_id", UUID.class),
                rs.getObject("plan_id", UUID.class), rs.getObject("session_date", LocalDate.class),
                rs.getInt("slot"), ReminderChannel.valueOf(rs.getString("channel")),
                rs.getTimestamp("due_at").toInstant(), rs.getInt("attempts")));
    }

    /** Marks a claimed reminder SENT, SKIPPED or FAILED; {@code attempted}: whether a send was tried. */
    public void finish(UUID id, ReminderStatus status, String detail, boolean attempted, byte[] unsubscribeHash,
                       Instant now) {
        database.update(FINISH, SqlValues.of("id", id).and("status", status.name()).and("detail", detail)
                .and("attempted", attempted ? 1 : 0).and("hash", unsubscribeHash).and("now", now));
    }

    /** When the longest-waiting PENDING reminder that is due now fell due (index {@code reminder_pending}). */
    public Optional<Instant> oldestDue(Instant now) {
        return database.first(OLDEST_DUE, SqlValues.of("now", now), rs -> rs.getTimestamp("due"))
                .map(Timestamp::toInstant);
    }

    /** Counts a failed send and leaves the reminder PENDING until {@code due}. */
    public void retryLater(UUID id, String detail, Instant due) {
        database.update(RETRY_LATER, SqlValues.of("id", id).and("detail", detail).and("due", due));
    }

    /** A patient's reminders, newest first. */
    public List<SentReminderView> ofPatient(UUID patientId, int limit, int offset) {
        return database.list(OF_PATIENT, SqlValues.of("patient", patientId).and("limit", limit)
                .and("offset", offset), Reminders::view);
    }

    public long countOfPatient(UUID patientId) {
        return database.first(COUNT_OF_PATIENT, SqlValues.of("patient", patientId), rs -> rs.getLong("n"))
                .orElse(0L);
    }

    /** The patient whose reminder mail carried the unsubscribe token of this hash, with the stored hash. */
    public Optional<Unsubscribe> byUnsubscribeHash(byte[] hash) {
        return database.first(BY_UNSUBSCRIBE, SqlValues.of("hash", hash), rs -> new Unsubscribe(
                rs.getObject("patient_id", UUID.class), rs.getBytes("unsubscribe_hash")));
    }

    /** A mail's unsubscribe token, found: its patient and the hash as stored. */
    public record Unsubscribe(UUID patientId, byte[] storedHash) {
    }

    private static SentReminderView view(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SentReminderView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("session_date", LocalDate.class), rs.getInt("slot"),
                ReminderChannel.valueOf(rs.getString("channel")), rs.getTimestamp("due_at").toInstant(),
                ReminderStatus.valueOf(rs.getString("status")), rs.getString("detail"),
                finished == null ? null : finished.toInstant());
    }
}
