package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AssessmentResponseRequest;
import io.spinewise.plan.api.AssessmentResponseView;
import io.spinewise.plan.api.DueAssessmentView;
import io.spinewise.plan.api.OutcomeView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.CheckOffService;
import io.spinewise.plan.service.OutcomeService;
import io.spinewise.plan.service.QuestionnaireAnswers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The patient's own questionnaires: what is due today, answering it, and the scores over time. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me (patients)")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class MeAssessmentResource {

    @Inject
    CurrentPatient me;

    @Inject
    QuestionnaireAnswers answers;

    @Inject
    OutcomeService outcomes;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @Path("/assessments/due")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_ASSESSMENTS_DUE)
    @Operation(operationId = "listMyDueAssessments", summary = "The questionnaires due for me today",
            description = "Each with its items and answers, in English (no translation ships). A questionnaire"
                    + " stays due until I answer it or the next one is due.")
    public List<DueAssessmentView> due() {
        return answers.due(me.get());
    }

    @POST
    @Path("/assessments/{id}/responses")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_ASSESSMENT_ANSWER)
    @Operation(operationId = "answerAssessment", summary = "Answer a due questionnaire",
            description = "Requires an Idempotency-Key header: a retry with the same key and answers gets the first"
                    + " answer again (never counted twice); the same key with other answers is a 422. Every item"
                    + " once, within its options, else a 400 naming the item (answers.<item>); a dueDate that is"
                    + " not the occasion due now is a 400, an occasion answered already a 409.")
    @APIResponse(responseCode = "201", description = "Stored, or the first answer again for a retry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentResponseView.class)),
            headers = {@Header(name = "Idempotent-Replayed", description = "true when this answers a retry",
                    schema = @Schema(type = SchemaType.STRING))})
    public Response answer(
            @PathParam("id") String id,
            @Parameter(description = "A fresh random value per response, e.g. a UUID; the same value on a retry")
            @HeaderParam(MeResource.IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid AssessmentResponseRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw CheckOffService.missingKey();
        }
        if (idempotencyKey.length() > 100) {
            throw ProblemException.invalid(MeResource.IDEMPOTENCY_KEY, "must be at most 100 characters");
        }
        UUID assignment = Params.pathId(id, "questionnaire");
        Patient patient = me.get();
        QuestionnaireAnswers.Outcome outcome = recorder.change(201, () -> {
            QuestionnaireAnswers.Outcome stored = answers.answer(patient, assignment, idempotencyKey.strip(),
                    request);
            audit.target(QuestionnaireAnswers.TARGET + stored.view().id() + (stored.replayed() ? " (replay)" : ""));
            return stored;
        });
        return Response.status(Response.Status.CREATED).header("Idempotent-Replayed",
                Boolean.toString(outcome.replayed())).entity(outcome.view()).build();
    }

    @GET
    @Path("/outcomes")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_OUTCOMES_READ)
    @Operation(operationId = "getMyOutcomes", summary = "My questionnaire scores over time",
            description = "As my chiropractor sees them: per instrument, every score, the first and the latest, the"
                    + " change and whether it moved at least the MCID (rule in changeRule).")
    public List<OutcomeView> outcomes() {
        return outcomes.of(me.get());
    }
}
