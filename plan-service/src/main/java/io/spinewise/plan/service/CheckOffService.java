package io.spinewise.plan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.CheckOffRequest;
import io.spinewise.plan.api.CheckOffView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditOutcome;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.data.AuditEvents;
import io.spinewise.plan.data.CheckOffs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Check-offs, on the hottest path of the service: the common case is one statement in one round trip
 * ({@link CheckOffs#insert}, its audit record included); only when it inserts nothing does this service
 * find out why: a replay of the same Idempotency-Key, or which rule the check-off broke.
 */
@ApplicationScoped
public class CheckOffService {

    /** The audit record's target: the statement appends the check-off's id. */
    public static final String TARGET = "session ";

    /** SQLSTATE unique_violation: the slot of that day is checked off already. */
    private static final String SLOT_TAKEN = "23505";

    /** SQLSTATE insufficient_privilege: the audit table's grant or trigger refused the record. */
    private static final String AUDIT_REFUSED = "42501";

    @Inject
    CheckOffs checkOffs;

    @Inject
    ObjectMapper json;

    @Inject
    PlanConfig config;

    @Inject
    Today today;

    /** A recorded check-off and whether this answer replays an earlier one. */
    public record Outcome(CheckOffView view, UUID patientId, boolean replayed) {
    }

    /** An undone check-off's patient, and whether this call undid it (and wrote its audit record). */
    public record Undo(UUID patientId, boolean recorded) {
    }

    /** {@code actorName}: the patient's display name for the audit record, may be null. */
    public Outcome checkOff(String subject, String actorName, String idempotencyKey, CheckOffRequest request) {
        String hash = hash(request);
        Instant now = today.now();
        if (request.performedAt() != null && request.performedAt().isAfter(now.plus(config.clockSkew()))) {
            throw ProblemException.invalid("performedAt", "is in the future (the service's time is " + now + ")");
        }
        Optional<CheckOffs.Stored> inserted;
        try {
            inserted = checkOffs.insert(new CheckOffs.New(UUID.randomUUID(), subject, idempotencyKey, hash, request),
                    audit(subject, actorName, AuditAction.CHECKOFF_CREATE, 201), now, config.lateLoggingDays());
        } catch (SQLException e) {
            if (SLOT_TAKEN.equals(e.getSQLState())) {
                // a concurrent retry with the same key may reach the slot's unique index before its key is
                // seen (the key's ON CONFLICT cannot arbitrate that index): then this request is a replay
                if (checkOffs.byKey(subject, idempotencyKey).isPresent()) {
                    return replayOrExplain(subject, idempotencyKey, hash, request, now);
                }
                throw ProblemException.conflict("Session " + request.slot() + " of " + request.date()
                        + " is already checked off for this plan; undo it first or use another slot.");
            }
            throw failed(e, "check-off");
        }
        if (inserted.isPresent()) {
            return new Outcome(inserted.get().view(), inserted.get().patientId(), false);
        }
        return replayOrExplain(subject, idempotencyKey, hash, request, now);
    }

    private Outcome replayOrExplain(String subject, String key, String hash, CheckOffRequest request, Instant now) {
        Optional<CheckOffs.Stored> earlier = checkOffs.byKey(subject, key);
        if (earlier.isPresent()) {
            if (!hash.equals(earlier.get().requestHash())) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "This Idempotency-Key was already used"
                        + " for a different check-off; send a new key for a new check-off.");
            }
            if (earlier.get().undone()) {
                throw ProblemException.conflict("The check-off made with this Idempotency-Key was undone;"
                        + " send a new key to check the session off again.");
            }
            return new Outcome(earlier.get().view(), earlier.get().patientId(), true);
        }
        CheckOffs.Diagnosis found = checkOffs.diagnose(subject, request.planId(), request.date(), now)
                .filter(d -> d.planStatus() != null)
                .orElseThrow(() -> ProblemException.notFound("You have no plan " + request.planId() + "."));
        if (!"ACTIVE".equals(found.planStatus())) {
            throw ProblemException.conflict("This plan is " + found.planStatus().toLowerCase()
                    + "; only an active plan's sessions can be checked off.");
        }
        if (request.performedAt() != null) {
            explainPerformedAt(request, found);
        }
        LocalDate localToday = found.today();
        if (request.date().isAfter(localToday)) {
            throw ProblemException.invalid("date", "is in the future (your today is " + localToday + ")");
        }
        if (request.date().isBefore(localToday.minusDays(config.lateLoggingDays()))) {
            throw ProblemException.invalid("date", "is too far back: sessions can be logged up to "
                    + config.lateLoggingDays() + " days late");
        }
        int sessionsPerDay = found.sessionsPerDay();
        if (request.slot() > sessionsPerDay) {
            throw ProblemException.invalid("slot", "must be at most " + sessionsPerDay + ": the plan has "
                    + sessionsPerDay + " session" + (sessionsPerDay == 1 ? "" : "s") + " a day on " + request.date());
        }
        // the conditions held when re-checked: a concurrent status change raced this request
        throw ProblemException.conflict("The plan changed while checking off; try again.");
    }

    /** A check-off done offline belongs to the patient's date at its performedAt, within the late-logging window. */
    private void explainPerformedAt(CheckOffRequest request, CheckOffs.Diagnosis found) {
        LocalDate performedOn = LocalDate.ofInstant(request.performedAt(), found.timeZone());
        if (performedOn.isBefore(found.today().minusDays(config.lateLoggingDays()))) {
            throw ProblemException.invalid("performedAt", "is too far back: sessions can be logged up to "
                    + config.lateLoggingDays() + " days late");
        }
        if (!performedOn.equals(request.date())) {
            throw ProblemException.invalid("date", "must be the day of performedAt in your time zone ("
                    + found.timeZone() + "): " + performedOn);
        }
    }

    /**
     * Undoes a check-off made today (the patient's today), writing its audit record in the same
     * statement. Undoing twice is harmless: the second call changes and records nothing.
     * {@code actorName}: the patient's display name for the audit record, may be null.
     */
    public Undo undo(String subject, String actorName, UUID id) {
        Optional<UUID> undone;
        try {
            undone = checkOffs.undo(subject, id, audit(subject, actorName, AuditAction.CHECKOFF_UNDO, 204),
                    today.now());
        } catch (SQLException e) {
            throw failed(e, "undo");
        }
        if (undone.isPresent()) {
            return new Undo(undone.get(), true);
        }
        CheckOffs.UndoState state = checkOffs.undoState(subject, id)
                .orElseThrow(() -> ProblemException.notFound("You have no check-off " + id + "."));
        if (state.undone()) {
            return new Undo(state.patientId(), false);
        }
        throw ProblemException.conflict("A check-off can only be undone on the day it was recorded.");
    }

    /** The answer to a check-off without an Idempotency-Key. */
    public static ProblemException missingKey() {
        return new ProblemException(Problem.invalid("The Idempotency-Key header is required: send a fresh random"
                        + " value (e.g. a UUID) with each new check-off and the same value when you retry it.",
                List.of(new Problem.Violation("Idempotency-Key", "is required"))));
    }

    /** The record the check-off's or undo's statement writes with it (it adds the clinic, patient and id). */
    private static AuditEvents.Entry audit(String subject, String actorName, String action, int status) {
        return new AuditEvents.Entry(null, subject, actorName, Roles.PATIENT, null, action,
                AuditOutcome.SUCCESS.name(), status, TARGET);
    }

    /**
     * The statement that writes a check-off or an undo writes its audit record too, so a refused
     * record (the audit table's grant or trigger) refuses the change, which is then not made: a 503
     * problem to retry, as for any other change whose record cannot be written. Other failures go on.
     */
    private static RuntimeException failed(SQLException e, String change) {
        if (AUDIT_REFUSED.equals(e.getSQLState())) {
            return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "The audit log cannot record this "
                    + change + " right now, so it was not saved; retry in a few seconds.");
        }
        return new IllegalStateException(change + " failed", e);
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
}
