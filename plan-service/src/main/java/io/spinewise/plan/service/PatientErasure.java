package io.spinewise.plan.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.api.PlanPatch;
import io.spinewise.plan.client.IdentityDirectory;
import io.spinewise.plan.data.Erasures;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Erases a patient at a clinic administrator's request (docs/data-protection.md), in three steps that a repeated
 * call finishes from wherever the last one stopped: (1) mark the patient in one transaction — the patient's tokens are
 * refused from then on, open plans are completed as of today, reminders, push subscriptions and the calendar feed
 * stop; (2) remove the Keycloak account, outside any transaction (an account gone already counts as removed);
 * (3) pseudonymise the row and everything that names the person in one transaction. A failure in (2) leaves the
 * patient marked and answers 503; nothing of (3) is written before (2) succeeded.
 */
@ApplicationScoped
public class PatientErasure {

    @Inject
    Erasures erasures;

    @Inject
    IdentityDirectory directory;

    @Inject
    PlanService plans;

    @Inject
    Today today;

    /** The audit records of the two transactions, each written inside its own. */
    public interface Audit {
        void marked();

        void erased();
    }

    /** Erases the patient, or finishes an erasure begun earlier; a patient erased already is left as it is. */
    public Patient erase(Patient patient, String requestedBy, Audit audit) {
        boolean erasedAlready = QuarkusTransaction.requiringNew().call(() -> {
            Erasures.State state = erasures.lock(patient.id);
            if (state == Erasures.State.NONE) {
                erasures.mark(patient.id, requestedBy, today.now());
                completeOpenPlans(patient, requestedBy);
                audit.marked();
            }
            return state == Erasures.State.ERASED;
        });
        if (!erasedAlready) {
            try {
                directory.erasePatientAccount(patient.subject);
            } catch (ProblemException e) {
                throw new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, e.getMessage() + " The patient is"
                        + " marked for erasure and can no longer sign in to Spinewise; erase again later to finish.");
            }
            QuarkusTransaction.requiringNew().run(() -> {
                if (erasures.lock(patient.id) == Erasures.State.PENDING) {
                    erasures.pseudonymise(patient.id, today.now());
                    audit.erased();
                }
            });
        }
        return QuarkusTransaction.requiringNew().call(() -> Patient.<Patient>findById(patient.id));
    }

    /** As a chiropractor's "complete" would: the schedule ends yesterday, the days before keep their figures. */
    private void completeOpenPlans(Patient patient, String by) {
        PlanPatch complete = new PlanPatch(PlanStatus.COMPLETED, null, null, null);
        for (PlanService.Current current : plans.ofPatient(patient.id)) {
            if (current.plan().status != PlanStatus.COMPLETED) {
                plans.change(patient, current.plan().id, by, complete, null);
            }
        }
    }

    /** Whether a token's subject belonged to a patient erased since (the token may live a few minutes longer). */
    public boolean wasErased(String subject) {
        return erasures.wasErased(subject);
    }
}
