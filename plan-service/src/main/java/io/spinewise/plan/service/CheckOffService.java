package io.spinewise.plan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.api.CheckOffRequest;
import io.spinewise.plan.api.CheckOffView;
import io.spinewise.plan.config.PlanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Check-offs, on the hottest path of the service: the common case is <em>one</em> statement
 * in one round trip (autocommit, no explicit transaction) that checks ownership, plan status,
 * the date window and the slot against the day's sessions, inserts the check-off, yields to an earlier request with the same
 * Idempotency-Key (the unique constraint decides, so concurrent replays create one row), and
 * writes the audit record. Only when it inserts nothing does a second query find out why.
 */
@ApplicationScoped
public class CheckOffService {

    /**
     * The sessions a day of plan {@code pl} on the date bound here: the version in force then (versions
     * follow each other; the first also stands for a day before it). A slot beyond it is refused, so the
     * check-offs of a day stay bounded by the schedule (and an endless count of "extra sessions" cannot be stored).
     */
    private static final String SESSIONS_PER_DAY = """
            (SELECT v.sessions_per_day FROM plan_version v
             WHERE v.plan_id = pl.id AND (v.effective_until IS NULL OR v.effective_until >= ?::date)
             ORDER BY v.version LIMIT 1)""";

    private static final String INSERT = """
            WITH target AS (
                SELECT p.id AS patient_id, p.clinic_id, pl.id AS plan_id
                FROM patient p JOIN plan pl ON pl.patient_id = p.id
                WHERE p.subject = ? AND pl.id = ? AND pl.status = 'ACTIVE'
                  AND ?::date <= (?::timestamptz AT TIME ZONE p.time_zone)::date
                  AND ?::date >= (?::timestamptz AT TIME ZONE p.time_zone)::date - ?::int
                  AND ?::int <= """ + SESSIONS_PER_DAY + """
            ), ins AS (
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              pain_before, pain_after, difficulty, note, idempotency_key,
                                              request_hash, created_at)
                SELECT ?, t.clinic_id, t.patient_id, t.plan_id, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?
                FROM target t
                ON CONFLICT (patient_id, idempotency_key) DO NOTHING
                RETURNING id, clinic_id, patient_id, created_at
            ), audit AS (
                INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome,
                                         status, target)
                SELECT clinic_id, ?, ?, 'patient', patient_id, 'checkoff.create', 'SUCCESS', 201, 'session ' || id
                FROM ins
            )
            SELECT id, patient_id, created_at FROM ins""";

    private static final String BY_KEY = """
            SELECT c.id, c.plan_id, c.session_date, c.slot, c.items, c.pain_before, c.pain_after, c.difficulty,
                   c.note, c.created_at, c.request_hash, c.undone_at, c.patient_id
            FROM session_checkoff c JOIN patient p ON p.id = c.patient_id
            WHERE p.subject = ? AND c.idempotency_key = ?""";

    private static final String DIAGNOSE = """
            SELECT p.id, pl.status, (?::timestamptz AT TIME ZONE p.time_zone)::date AS today,
                   """ + SESSIONS_PER_DAY + """
             AS sessions_per_day
            FROM patient p LEFT JOIN plan pl ON pl.patient_id = p.id AND pl.id = ?
            WHERE p.subject = ?""";

    /* the undo and its audit record in one statement, as the check-off itself: both or neither */
    private static final String UNDO = """
            WITH undone AS (
                UPDATE session_checkoff c SET undone_at = ?
                FROM patient p
                WHERE c.id = ? AND c.patient_id = p.id AND p.subject = ? AND c.undone_at IS NULL
                  AND (c.created_at AT TIME ZONE p.time_zone)::date = (?::timestamptz AT TIME ZONE p.time_zone)::date
                RETURNING c.id, c.clinic_id, c.patient_id
            ), audit AS (
                INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome,
                                         status, target)
                SELECT clinic_id, ?, ?, 'patient', patient_id, 'checkoff.undo', 'SUCCESS', 204, 'session ' || id
                FROM undone
            )
            SELECT patient_id FROM undone""";

    private static final String UNDO_DIAGNOSE = """
            SELECT c.patient_id, c.undone_at FROM session_checkoff c JOIN patient p ON p.id = c.patient_id
            WHERE c.id = ? AND p.subject = ?""";

    private static final TypeReference<List<CheckOffRequest.Item>> ITEMS = new TypeReference<>() {
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    PlanConfig config;

    @Inject
    Today today;

    /** A recorded check-off and whether this answer replays an earlier one. */
    public record Outcome(CheckOffView view, UUID patientId, boolean replayed) {
    }

    /** {@code actorName}: the patient's display name for the audit record, may be null. */
    public Outcome checkOff(String subject, String actorName, String idempotencyKey, CheckOffRequest request) {
        String itemsJson = write(request.items());
        String hash = hash(request);
        Instant now = today.now();
        Timestamp nowTs = Timestamp.from(now);
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                int i = 1;
                s.setString(i++, subject);
                s.setObject(i++, request.planId());
                s.setObject(i++, request.date());
                s.setTimestamp(i++, nowTs);
                s.setObject(i++, request.date());
                s.setTimestamp(i++, nowTs);
                s.setInt(i++, config.lateLoggingDays());
                s.setInt(i++, request.slot());
                s.setObject(i++, request.date());
                s.setObject(i++, id);
                s.setObject(i++, request.date());
                s.setInt(i++, request.slot());
                s.setString(i++, itemsJson);
                setInt(s, i++, request.painBefore());
                setInt(s, i++, request.painAfter());
                setInt(s, i++, request.difficulty());
                s.setString(i++, request.note());
                s.setString(i++, idempotencyKey);
                s.setString(i++, hash);
                s.setTimestamp(i++, nowTs);
                s.setString(i++, subject);
                s.setString(i, actorName);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        CheckOffView view = new CheckOffView(id, request.planId(), request.date(), request.slot(),
                                request.items(), request.painBefore(), request.painAfter(), request.difficulty(),
                                request.note(), rs.getObject("created_at", OffsetDateTime.class).toInstant());
                        return new Outcome(view, rs.getObject("patient_id", UUID.class), false);
                    }
                }
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw ProblemException.conflict("Session " + request.slot() + " of " + request.date()
                            + " is already checked off for this plan; undo it first or use another slot.");
                }
                throw auditRefused(e, "check-off");
            }
            return replayOrExplain(c, subject, idempotencyKey, hash, request, nowTs);
        } catch (SQLException e) {
            throw new IllegalStateException("check-off failed", e);
        }
    }

    private Outcome replayOrExplain(Connection c, String subject, String key, String hash, CheckOffRequest request,
                                    Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_KEY)) {
            s.setString(1, subject);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    if (!hash.equals(rs.getString("request_hash"))) {
                        throw new ProblemException(ProblemType.UNPROCESSABLE, "This Idempotency-Key was already used"
                                + " for a different check-off; send a new key for a new check-off.");
                    }
                    if (rs.getObject("undone_at") != null) {
                        throw ProblemException.conflict("The check-off made with this Idempotency-Key was undone;"
                                + " send a new key to check the session off again.");
                    }
                    return new Outcome(view(rs), rs.getObject("patient_id", UUID.class), true);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(DIAGNOSE)) {
            s.setTimestamp(1, now);
            s.setObject(2, request.date());
            s.setObject(3, request.planId());
            s.setString(4, subject);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getString("status") == null) {
                    throw ProblemException.notFound("You have no plan " + request.planId() + ".");
                }
                if (!"ACTIVE".equals(rs.getString("status"))) {
                    throw ProblemException.conflict("This plan is " + rs.getString("status").toLowerCase()
                            + "; only an active plan's sessions can be checked off.");
                }
                LocalDate localToday = rs.getObject("today", LocalDate.class);
                if (request.date().isAfter(localToday)) {
                    throw ProblemException.invalid("date", "is in the future (your today is " + localToday + ")");
                }
                if (request.date().isBefore(localToday.minusDays(config.lateLoggingDays()))) {
                    throw ProblemException.invalid("date", "is too far back: sessions can be logged up to "
                            + config.lateLoggingDays() + " days late");
                }
                int sessionsPerDay = rs.getInt("sessions_per_day");
                if (request.slot() > sessionsPerDay) {
                    throw ProblemException.invalid("slot", "must be at most " + sessionsPerDay + ": the plan has "
                            + sessionsPerDay + " session" + (sessionsPerDay == 1 ? "" : "s") + " a day on "
                            + request.date());
                }
            }
        }
        // the conditions held when re-checked: a concurrent status change raced this request
        throw ProblemException.conflict("The plan changed while checking off; try again.");
    }

    /** An undone check-off's patient, and whether this call undid it (and wrote its audit record). */
    public record Undo(UUID patientId, boolean recorded) {
    }

    /**
     * Undoes a check-off made today (the patient's today), writing its audit record in the same
     * statement. Undoing twice is harmless: the second call changes and records nothing.
     * {@code actorName}: the patient's display name for the audit record, may be null.
     */
    public Undo undo(String subject, String actorName, UUID id) {
        Timestamp now = Timestamp.from(today.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(UNDO)) {
                s.setTimestamp(1, now);
                s.setObject(2, id);
                s.setString(3, subject);
                s.setTimestamp(4, now);
                s.setString(5, subject);
                s.setString(6, actorName);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new Undo(rs.getObject(1, UUID.class), true);
                    }
                }
            } catch (SQLException e) {
                throw auditRefused(e, "undo");
            }
            try (PreparedStatement s = c.prepareStatement(UNDO_DIAGNOSE)) {
                s.setObject(1, id);
                s.setString(2, subject);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw ProblemException.notFound("You have no check-off " + id + ".");
                    }
                    if (rs.getObject("undone_at") != null) {
                        return new Undo(rs.getObject("patient_id", UUID.class), false);
                    }
                    throw ProblemException.conflict("A check-off can only be undone on the day it was recorded.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("undo failed", e);
        }
    }

    /**
     * The statement that writes a check-off or an undo writes its audit record too, so a refused
     * record (the audit table's grant or trigger) refuses the change, which is then not made: a 503
     * problem to retry, as for any other change whose record cannot be written. Other failures go on.
     */
    private static SQLException auditRefused(SQLException e, String change) {
        if ("42501".equals(e.getSQLState())) {
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "The audit log cannot record this "
                    + change + " right now, so it was not saved; retry in a few seconds.");
        }
        return e;
    }

    /** The patient's check-offs (not undone) of a plan on a day, for "today". */
    public List<CheckOffView> on(UUID patientId, LocalDate day) {
        return query("SELECT c.* FROM session_checkoff c WHERE c.patient_id = ? AND c.session_date = ?"
                + " AND c.undone_at IS NULL ORDER BY c.slot", patientId, day);
    }

    /** Every check-off of a patient (undone ones too, marked by the caller's use), oldest first. */
    public List<CheckOffView> all(UUID patientId) {
        return query("SELECT c.* FROM session_checkoff c WHERE c.patient_id = ? AND c.undone_at IS NULL"
                + " ORDER BY c.session_date, c.slot", patientId);
    }

    private List<CheckOffView> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<CheckOffView> views = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("reading check-offs failed", e);
        }
    }

    private CheckOffView view(ResultSet rs) throws SQLException {
        return new CheckOffView(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                rs.getObject("session_date", LocalDate.class), rs.getInt("slot"), read(rs.getString("items")),
                integer(rs, "pain_before"), integer(rs, "pain_after"), integer(rs, "difficulty"), rs.getString("note"),
                rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }

    /** The request's fingerprint: SHA-256 of its canonical JSON (records serialise in declaration order). */
    private String hash(CheckOffRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static void setInt(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    /** Kept for callers that must tell "missing key" apart from other bad input. */
    public static ProblemException missingKey() {
        return new ProblemException(Problem.invalid("The Idempotency-Key header is required: send a fresh random"
                        + " value (e.g. a UUID) with each new check-off and the same value when you retry it.",
                List.of(new Problem.Violation("Idempotency-Key", "is required"))));
    }

    static Optional<String> validKey(String key) {
        return Optional.ofNullable(key).map(String::strip).filter(k -> !k.isEmpty() && k.length() <= 100);
    }
}
