package io.spinewise.plan.rest;

import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AssessmentRequest;
import io.spinewise.plan.api.AssessmentView;
import io.spinewise.plan.api.OutcomeView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.AssessmentService;
import io.spinewise.plan.service.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** A patient's questionnaires and outcomes, for the chiropractors of the patient's clinic. */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class PatientAssessmentResource {

    static final String TARGET = "assessment ";

    @Inject
    PathPatient pathPatient;

    @Inject
    AssessmentService assessments;

    @Inject
    OutcomeService outcomes;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/{id}/assessments")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ASSESSMENT_LIST)
    @Operation(operationId = "listPatientAssessments", summary = "A patient's assigned questionnaires",
            description = "Oldest first, running and stopped, each with what is due today, the next due date and"
                    + " the occasions missed. A patient of another clinic, or none, is a 404.")
    public List<AssessmentView> list(@PathParam("id") String id) {
        return assessments.ofPatient(patient(id));
    }

    @POST
    @Path("/{id}/assessments")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ASSESSMENT_ASSIGN)
    @Operation(operationId = "assignAssessment", summary = "Assign a questionnaire",
            description = "Due on the start date, then every everyWeeks weeks (absent: once). An unknown instrument"
                    + " is a 400; one that needs a licence, or one the patient already has running, a 409.")
    @APIResponse(responseCode = "201", description = "Assigned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentView.class)),
            headers = {@Header(name = "Location", description = "The patient's assignments",
                    schema = @Schema(type = SchemaType.STRING))})
    public Response assign(@PathParam("id") String id,
                           @NotNull(message = "a JSON body is required") @Valid AssessmentRequest request) {
        Patient patient = pathPatient.forChange(id);
        AssessmentView view = recorder.change(201, () -> {
            AssessmentView assigned = assessments.assign(patient, caller.subject(), request);
            audit.target(TARGET + assigned.id());
            return assigned;
        });
        return Response.created(uriInfo.getAbsolutePathBuilder().build()).entity(view).build();
    }

    @DELETE
    @Path("/{id}/assessments/{assignment}")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ASSESSMENT_STOP)
    @Operation(operationId = "stopAssessment", summary = "Stop a questionnaire",
            description = "Nothing of it is due from the patient's today on; its answers stay. Not running: 404.")
    @APIResponse(responseCode = "204", description = "Stopped")
    public Response stop(@PathParam("id") String id, @PathParam("assignment") String assignment) {
        Patient patient = patient(id);
        UUID assignmentId = Params.pathId(assignment, "questionnaire");
        audit.target(TARGET + assignmentId);
        recorder.change(204, () -> {
            assessments.stop(patient, assignmentId);
            return null;
        });
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/outcomes")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.OUTCOMES_READ)
    @Operation(operationId = "getPatientOutcomes", summary = "A patient's questionnaire scores over time",
            description = "Per instrument ever assigned: every score, the baseline (first score), the latest, the"
                    + " change and whether it moved at least the MCID (rule in changeRule, verdict in words),"
                    + " the occasions missed and how many answers were late.")
    public List<OutcomeView> outcomes(@PathParam("id") String id) {
        return outcomes.of(patient(id));
    }

    private Patient patient(String id) {
        return pathPatient.of(id);
    }
}
