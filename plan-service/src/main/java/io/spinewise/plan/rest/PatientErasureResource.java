package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.PatientView;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.PatientErasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A clinic administrator erases a patient (GDPR Art. 17; docs/data-protection.md). A POST, not a DELETE: the
 * patient's row stays, pseudonymised, with the figures the clinic must keep.
 */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class PatientErasureResource {

    static final String REQUESTED = "erasure requested";
    static final String ERASED = "patient erased";

    @Inject
    PathPatient pathPatient;

    @Inject
    PatientErasure erasure;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.PATIENT_ERASE)
    @Operation(operationId = "erasePatient", summary = "Erase a patient",
            description = "Clinic administrators only. Removes the patient's login from Keycloak and, in plan-service,"
                    + " the name, email, login, language, notes, PSFS activity texts, reminder settings, push"
                    + " subscriptions and calendar feed; open plans are completed as of today. Kept without identity:"
                    + " check-off dates and counts, pain numbers, questionnaire scores, remote-monitoring minutes, so"
                    + " the clinic's figures stay the same; the patient is then \"Erased patient\". The patient's"
                    + " tokens are refused from the first step. When the login cannot be removed the answer is 503"
                    + " and the patient stays marked (erasureRequestedAt without erasedAt): erase again to finish."
                    + " Erasing an erased patient answers the same view again.")
    public PatientView erase(@PathParam("id") String id) {
        Patient patient = pathPatient.of(id);
        try {
            Patient erased = erasure.erase(patient, caller.subject(), new PatientErasure.Audit() {
                @Override
                public void marked() {
                    audit.target(REQUESTED);
                    recorder.recordChange(202);
                }

                @Override
                public void erased() {
                    audit.target(ERASED);
                    recorder.recordChange(200);
                    audit.recorded();
                }
            });
            // a patient erased before: no record was written here, the filter writes this call's
            return Views.patient(erased);
        } catch (ProblemException e) {
            audit.target("erasure not finished");
            throw e;
        }
    }
}
