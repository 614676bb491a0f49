package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.api.CheckOffRequest;
import io.spinewise.plan.api.CheckOffView;
import io.spinewise.plan.api.MePatch;
import io.spinewise.plan.api.PatientView;
import io.spinewise.plan.api.PlanView;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.api.TodayView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.fhir.FhirExport;
import io.spinewise.plan.service.AdherenceService;
import io.spinewise.plan.service.CheckOffService;
import io.spinewise.plan.service.ExportService;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.PlanService;
import io.spinewise.plan.service.RateLimiter;
import io.spinewise.plan.service.Today;
import io.spinewise.plan.service.TodayService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** Patient self-service: the caller's own record, plans, today, check-offs, adherence and data. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me (patients)")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class MeResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    PatientService patients;

    @Inject
    CurrentPatient me;

    @Inject
    Caller caller;

    @Inject
    PlanService plans;

    @Inject
    CheckOffService checkOffs;

    @Inject
    AdherenceService adherence;

    @Inject
    ExportService export;

    @Inject
    FhirExport fhir;

    @Inject
    Today today;

    @Inject
    TodayService todayService;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_READ)
    @Operation(operationId = "getMe", summary = "My record",
            description = "Created from the token's claims on first use.")
    public PatientView get() {
        return Views.patient(me.get());
    }

    @PATCH
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_UPDATE)
    @Operation(operationId = "changeMe", summary = "Change my time zone or my language",
            description = "When I move: my today is then the new zone's; sessions already recorded keep their"
            + " dates. The language (en, de, fr, es) is the one my pages are written in. A field left out stays"
            + " as it is; at least one is required.")
    public PatientView update(@NotNull(message = "a JSON body is required") @Valid MePatch patch) {
        if (patch.empty()) {
            throw ProblemException.invalid("timeZone", "give timeZone or language (or both)");
        }
        UUID patientId = me.get().id;
        return recorder.change(200, () -> Views.patient(
                patients.changeOwn(patientId, patch.timeZone(), patch.language())));
    }

    @GET
    @Path("/plans")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PLAN_LIST)
    @Operation(operationId = "listMyPlans", summary = "My plans (current versions), newest first",
            description = "Every plan prescribed to me, active, paused or completed.")
    public List<PlanView> plans() {
        return plans.ofPatient(me.get().id).stream().map(PlanService.Current::view).toList();
    }

    @GET
    @Path("/today")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ME_TODAY)
    @Operation(operationId = "getMyToday", summary = "Today's sessions of my active plans",
            description = "Today is the date in my time zone.")
    public TodayView today() {
        return todayService.of(me.get());
    }

    @POST
    @Path("/sessions")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.CHECKOFF_CREATE)
    @Operation(operationId = "checkOff", summary = "Check off a session",
            description = "Requires an Idempotency-Key header: a retry with the"
            + " same key and body gets the first answer; the same key with another body gets 422. The date is my"
            + " local date, not in the future, and at most a few days back.")
    @APIResponse(responseCode = "201", description = "Recorded, or the first answer again for a retry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CheckOffView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = "true when this answers a retry",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response checkOff(
            @Parameter(description = "A fresh random value per check-off, e.g. a UUID; the same value on a retry")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid CheckOffRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw CheckOffService.missingKey();
        }
        if (idempotencyKey.length() > 100) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be at most 100 characters");
        }
        String name = caller.displayName();
        CheckOffService.Outcome outcome = checkOffs.checkOff(caller.subject(), name, idempotencyKey.strip(), request);
        audit.patient(outcome.patientId())
                .target(CheckOffService.TARGET + outcome.view().id() + (outcome.replayed() ? " (replay)" : ""));
        if (!outcome.replayed()) {
            // written with the check-off, in the same statement
            audit.recorded();
        }
        return Response.created(uriInfo.getAbsolutePathBuilder().path(outcome.view().id().toString()).build())
                .header("Idempotent-Replayed", Boolean.toString(outcome.replayed()))
                .entity(outcome.view()).build();
    }

    @DELETE
    @Path("/sessions/{id}")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.CHECKOFF_UNDO)
    @Operation(operationId = "undoCheckOff", summary = "Undo a check-off",
            description = "Possible on the day it was recorded (my today).")
    @APIResponse(responseCode = "204", description = "Undone")
    public Response undo(@PathParam("id") String id) {
        UUID uuid = Params.pathId(id, "check-off");
        audit.target(CheckOffService.TARGET + uuid);
        CheckOffService.Undo undo = checkOffs.undo(caller.subject(), caller.displayName(), uuid);
        audit.patient(undo.patientId());
        if (undo.recorded()) {
            // written with the undo, in the same statement
            audit.recorded();
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/adherence")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.ADHERENCE_READ)
    @Operation(operationId = "getMyAdherence", summary = "My adherence over a window",
            description = AdherenceView.FORMULA)
    public AdherenceView adherence(@BeanParam AdherenceWindow window) {
        return adherence.evaluate(me.get(), null, window.from(), window.to(), window.days());
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PATIENT_EXPORT)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "exportMyData", summary = "Download all my data (JSON)",
            description = "My record, my plans with every version and pause, my check-offs and my adherence.")
    @APIResponse(responseCode = "200", description = "All my data",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExportService.Export.class)),
            headers = {
                    @Header(name = "Content-Disposition", description = "The file name",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response export() {
        Patient patient = me.get();
        return Response.ok(export.of(patient))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spinewise-my-data-"
                        + today.in(patient.zone()) + ".json\"")
                .build();
    }

    @GET
    @Path("/fhir")
    @Produces(FhirExport.FHIR_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.FHIR_ME)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Tag(name = "FHIR")
    @Operation(operationId = "getMyFhir", summary = "My record as a FHIR R4 Bundle",
            description = FhirResource.BUNDLE + " To take my record to another clinic's system.")
    @APIResponse(responseCode = "200", description = "The Bundle",
            content = @Content(mediaType = FhirExport.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response fhir() {
        Patient patient = me.get();
        audit.target("FHIR bundle");
        return FhirResource.bundle(fhir.bundle(patient.clinicId, patient.id), patient);
    }
}
