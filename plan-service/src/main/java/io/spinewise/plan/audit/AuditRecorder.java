package io.spinewise.plan.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.data.AuditEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a call's outcome into an audit record: who (subject, name and role from the verified
 * token) in which clinic did what to whose data, and how it ended ({@link AuditOutcome}). Anonymous calls reach no data
 * and are not recorded. Used by {@link AuditFilter} when a response starts and by
 * {@link AuditedStream} when a streamed download ends, and by resources for a change, which
 * {@link #change} writes in one transaction with its record. Reading and exporting fail closed: when
 * the record of a successful read cannot be written, the caller gets a 503 problem instead of the data.
 */
@ApplicationScoped
public class AuditRecorder {

    private static final Logger LOG = Logger.getLogger(AuditRecorder.class);

    @Inject
    AuditLog log;

    @Inject
    AuditContext context;

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Runs a change and writes its audit record in one transaction (the caller's, or a new one): the
     * change is committed with its record or not at all. A record that cannot be written undoes the
     * change and answers 503. The resource may name the patient and target inside {@code change}.
     *
     * @param status the answer on success, e.g. 200 or 201
     */
    public <T> T change(int status, Supplier<T> change) {
        T result = QuarkusTransaction.joiningExisting().call(() -> {
            T value = change.get();
            recordChange(status);
            return value;
        });
        context.recorded();
        return result;
    }

    /**
     * Writes the current call's record as a successful change, in the current transaction, for a change
     * that runs its own transaction (an enrolment, whose login is created outside it). The caller marks
     * the call {@link AuditContext#recorded() recorded} once that transaction has committed.
     */
    public void recordChange(int status) {
        try {
            write(identities.getIdentity(), context.patientOrPathPatient(), context.action(), status,
                    context.targetOrCall());
        } catch (AuditUnavailable e) {
            LOG.errorf(e.getCause(), "Change refused, its audit record could not be written: %s", e.getMessage());
            throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The audit log cannot record this change right now, so it was not made; retry in a few seconds.");
        }
    }

    /** Records the call; a record that cannot be written is logged with what it held. */
    public void record(SecurityIdentity identity, UUID patientId, String action, int status, String target) {
        try {
            write(identity, patientId, action, status, target);
        } catch (AuditUnavailable e) {
            LOG.errorf(e.getCause(), "Audit record lost: %s", e.getMessage());
        }
    }

    /**
     * Records the call or throws {@link AuditUnavailable}: for a caller that must not serve patient data
     * whose reading is not on record (fail closed).
     */
    public void write(SecurityIdentity identity, UUID patientId, String action, int status, String target) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        String clinic = null;
        String subject = identity.getPrincipal().getName();
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Caller.CLINIC_CLAIM);
            clinic = claim == null ? null : claim.toString().replace("\"", "");
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            name = Caller.displayName(jwt);
        }
        AuditEvents.Entry entry = new AuditEvents.Entry(clinic, subject == null ? "unknown" : subject, name,
                role(identity), patientId, action, AuditOutcome.of(status).name(), status, target);
        try {
            log.record(entry);
        } catch (RuntimeException e) {
            throw new AuditUnavailable(entry, e);
        }
    }

    /** The audit record of a call could not be written (the database refused it or is away). */
    public static final class AuditUnavailable extends RuntimeException {

        AuditUnavailable(AuditEvents.Entry entry, RuntimeException cause) {
            super(entry.toString(), cause);
        }

        /** The answer instead of data whose reading is not on record: nothing of the data, and when to retry. */
        public static ProblemException problem() {
            return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The audit log cannot record this access right now, so the data is not shown; retry in a few"
                            + " seconds.");
        }
    }

    private static String role(SecurityIdentity identity) {
        for (String role : new String[] {Roles.CLINIC_ADMIN, Roles.CHIROPRACTOR, Roles.PATIENT}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return null;
    }
}
