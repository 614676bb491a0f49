package io.spinewise.plan.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.plan.api.CheckOffRequest;
import io.spinewise.plan.api.CheckOffView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The table {@code session_checkoff}, its one mapping. A check-off and its undo are each <em>one</em>
 * statement in one round trip (autocommit, no explicit transaction, see {@link CheckOffStatements}); the
 * reads are what "today", the patient's download and the adherence figures need.
 */
@ApplicationScoped
public class CheckOffs {

    private static final TypeReference<List<CheckOffRequest.Item>> ITEMS = new TypeReference<>() {
    };

    private static final String COLUMNS = "c.id, c.plan_id, c.session_date, c.slot, c.items, c.pain_before,"
            + " c.pain_after, c.difficulty, c.note, c.created_at,"
            + " coalesce(c.performed_at, c.created_at) AS performed_at";

    private static final NamedSql ON_DAY = new NamedSql("SELECT " + COLUMNS + " FROM session_checkoff c"
            + " WHERE c.patient_id = :patient AND c.session_date = :day AND c.undone_at IS NULL ORDER BY c.slot");

    private static final NamedSql ALL = new NamedSql("SELECT " + COLUMNS + " FROM session_checkoff c"
            + " WHERE c.patient_id = :patient AND c.undone_at IS NULL ORDER BY c.session_date, c.slot");

    @Inject
    Database database;

    @Inject
    ObjectMapper json;

    /** A check-off as stored: its view, its patient, the fingerprint of its request and whether it was undone. */
    public record Stored(CheckOffView view, UUID patientId, String requestHash, boolean undone) {
    }

    /**
     * Why nothing was inserted: the plan's status (null: no such plan of the caller), the patient's time zone,
     * today there, sessions a day.
     */
    public record Diagnosis(String planStatus, ZoneId timeZone, LocalDate today, int sessionsPerDay) {
    }

    /** A check-off to store: the request, its id, the caller, the Idempotency-Key and the request's fingerprint. */
    public record New(UUID id, String subject, String idempotencyKey, String requestHash, CheckOffRequest request) {
    }

    /** A check-off's patient and whether it is undone. */
    public record UndoState(UUID patientId, boolean undone) {
    }

    /**
     * Inserts the check-off with its audit record {@code audit} (the statement adds the clinic, the
     * patient and the check-off's id after the target) if the caller's plan is active, the date within
     * {@code lateDays} of the patient's today and the slot within the day's sessions, and the key new.
     * Empty when it inserted nothing. SQLSTATE 23505: the slot is taken; 42501: the audit record was refused.
     */
    public Optional<Stored> insert(New n, AuditEvents.Entry audit, Instant now, int lateDays) throws SQLException {
        CheckOffRequest r = n.request();
        SqlValues values = SqlValues.of("subject", n.subject()).and("plan", r.planId()).and("date", r.date())
                .and("now", now).and("lateDays", lateDays).and("slot", r.slot()).and("id", n.id())
                .and("items", write(r.items())).and("painBefore", r.painBefore()).and("painAfter", r.painAfter())
                .and("difficulty", r.difficulty()).and("note", r.note()).and("key", n.idempotencyKey())
                .and("hash", n.requestHash()).and("performedAt", r.performedAt());
        try (Connection c = database.connection()) {
            return Database.list(c, CheckOffStatements.INSERT, audited(values, audit),
                    rs -> new Stored(new CheckOffView(n.id(), r.planId(), r.date(), r.slot(), r.items(),
                            r.painBefore(), r.painAfter(), r.difficulty(), r.note(),
                            instant(rs, "created_at"), instant(rs, "performed_at")),
                            rs.getObject("patient_id", UUID.class), n.requestHash(), false)).stream().findFirst();
        }
    }

    /** The caller's check-off made with this Idempotency-Key. */
    public Optional<Stored> byKey(String subject, String idempotencyKey) {
        return database.first(CheckOffStatements.BY_KEY, SqlValues.of("subject", subject).and("key", idempotencyKey),
                rs -> new Stored(view(rs), rs.getObject("patient_id", UUID.class), rs.getString("request_hash"),
                        rs.getObject("undone_at") != null));
    }

    /** What the insert found: empty when the caller has no patient record. */
    public Optional<Diagnosis> diagnose(String subject, UUID planId, LocalDate date, Instant now) {
        return database.first(CheckOffStatements.DIAGNOSE, SqlValues.of("subject", subject).and("plan", planId)
                .and("date", date).and("now", now), rs -> new Diagnosis(rs.getString("status"),
                ZoneId.of(rs.getString("time_zone")), rs.getObject("today", LocalDate.class),
                rs.getInt("sessions_per_day")));
    }

    /**
     * Undoes the caller's check-off if it was made on the patient's today, with its audit record, in one
     * statement; the patient when it did. SQLSTATE 42501: the audit record was refused.
     */
    public Optional<UUID> undo(String subject, UUID id, AuditEvents.Entry audit, Instant now) throws SQLException {
        try (Connection c = database.connection()) {
            return Database.list(c, CheckOffStatements.UNDO, audited(SqlValues.of("subject", subject).and("id", id)
                    .and("now", now), audit), rs -> rs.getObject("patient_id", UUID.class))
                    .stream().findFirst();
        }
    }

    /** The caller's check-off's patient and whether it is undone; empty when the caller has none such. */
    public Optional<UndoState> undoState(String subject, UUID id) {
        return database.first(CheckOffStatements.UNDO_STATE, SqlValues.of("subject", subject).and("id", id),
                rs -> new UndoState(rs.getObject("patient_id", UUID.class), rs.getObject("undone_at") != null));
    }

    /** The patient's check-offs (not undone) on a day, by slot. */
    public List<CheckOffView> on(UUID patientId, LocalDate day) {
        return database.list(ON_DAY, SqlValues.of("patient", patientId).and("day", day), this::view);
    }

    /** Every check-off of a patient that is not undone, oldest first. */
    public List<CheckOffView> all(UUID patientId) {
        return database.list(ALL, SqlValues.of("patient", patientId), this::view);
    }

    private static SqlValues audited(SqlValues values, AuditEvents.Entry audit) {
        return values.and("actor", audit.actor()).and("actorName", audit.actorName()).and("role", audit.actorRole()).and("action", audit.action())
                .and("outcome", audit.outcome()).and("status", audit.status()).and("target", audit.target());
    }

    private CheckOffView view(ResultSet rs) throws SQLException {
        return new CheckOffView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("session_date", LocalDate.class), rs.getInt("slot"), read(rs.getString("items")),
                Database.integer(rs, "pain_before"), Database.integer(rs, "pain_after"),
                Database.integer(rs, "difficulty"), rs.getString("note"), instant(rs, "created_at"),
                instant(rs, "performed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private String write(List<CheckOffRequest.Item> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CheckOffRequest.Item> read(String items) {
        try {
            return json.readValue(items, ITEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
