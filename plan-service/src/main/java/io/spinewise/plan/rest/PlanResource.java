package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.api.PlanPatch;
import io.spinewise.plan.api.PlanVersionView;
import io.spinewise.plan.api.PlanView;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.Plan;
import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.service.AdherenceService;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.PlanService;
import io.spinewise.plan.service.Prescriptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** One plan: read by the clinic's chiropractors and by its patient; changed by chiropractors. */
@Path("/api/plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class PlanResource {

    @Inject
    PlanService plans;

    @Inject
    PatientService patients;

    @Inject
    Prescriptions prescriptions;

    @Inject
    AdherenceService adherence;

    @Inject
    Caller caller;

    @Inject
    CurrentPatient me;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.PATIENT})
    @Audited(AuditAction.PLAN_READ)
    @Operation(operationId = "getPlan", summary = "A plan with its current version",
            description = "For the chiropractors of the plan's clinic and the plan's own patient; anyone else gets 404.")
    public PlanView get(@PathParam("id") String id) {
        return plans.current(visible(id).id).orElseThrow().view();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.PATIENT})
    @Audited(AuditAction.PLAN_VERSIONS)
    @Operation(operationId = "listPlanVersions",
            summary = "Every version of a plan, oldest first, with the days each was in force",
            description = "For the chiropractors of the plan's clinic and the plan's own patient; anyone else gets 404.")
    public List<PlanVersionView> versions(@PathParam("id") String id) {
        return plans.versions(visible(id).id).stream().map(Views::version).toList();
    }

    @GET
    @Path("/adherence")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.PATIENT})
    @Audited(AuditAction.ADHERENCE_READ)
    @Operation(operationId = "getPlanAdherence", summary = "Adherence of this plan over a window",
            description = AdherenceView.FORMULA)
    public AdherenceView adherence(@PathParam("id") String id, @BeanParam AdherenceWindow window) {
        Plan plan = visible(id);
        return adherence.evaluate(owner(plan), plan.id, window.from(), window.to(), window.days());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PLAN_CHANGE)
    @Operation(operationId = "changePlan", summary = "Pause, resume, complete or edit a plan",
            description = "status PAUSED / ACTIVE / COMPLETED, and/or new title, items or schedule. Changes take effect"
                    + " from the patient's today; an edit adds a version and keeps the earlier one and its check-offs.")
    public PlanView change(@PathParam("id") String id,
                           @NotNull(message = "a JSON body is required") @Valid PlanPatch patch) {
        Plan plan = visible(id);
        if (patch.status() == null && patch.title() == null && !patch.isEdit()) {
            throw ProblemException.invalid("body", "name a status, a title, items or a schedule to change");
        }
        // the catalog is asked first, outside the transaction that stores the change with its audit record
        List<PlanItem> items = patch.items() == null ? null : prescriptions.items(patch.items(), "items");
        return recorder.change(200, () -> plans.change(owner(plan), plan.id, caller.subject(), patch, items)).view();
    }

    /** The plan if the caller may see it: a chiropractor of its clinic, or its own patient; else 404. */
    private Plan visible(String id) {
        UUID uuid = Params.pathId(id, "plan");
        Plan plan = plans.find(uuid).orElseThrow(() -> ProblemException.notFound("No plan " + id + "."));
        boolean allowed = caller.isStaff() ? plan.clinicId.equals(caller.clinicId())
                : plan.patientId.equals(me.get().id);
        if (!allowed) {
            throw ProblemException.notFound("No plan " + id + ".");
        }
        audit.patient(plan.patientId).target("plan " + plan.id);
        return plan;
    }

    private Patient owner(Plan plan) {
        return patients.find(plan.clinicId, plan.patientId).orElseThrow();
    }
}
