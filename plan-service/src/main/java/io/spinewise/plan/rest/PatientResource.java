package io.spinewise.plan.rest;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AcknowledgementRequest;
import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.api.EnrolmentRequest;
import io.spinewise.plan.api.EnrolmentView;
import io.spinewise.plan.api.PatientPatch;
import io.spinewise.plan.api.PatientView;
import io.spinewise.plan.api.PlanRequest;
import io.spinewise.plan.api.PlanView;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.api.SentReminderView;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.fhir.FhirExport;
import io.spinewise.plan.service.AdherenceService;
import io.spinewise.plan.service.AttentionService;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.PlanService;
import io.spinewise.plan.service.Prescriptions;
import io.spinewise.plan.service.RateLimiter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

/** The clinic's patients, their plans and adherence, for its chiropractors; administrators may only find patients by name (the audit log's filter). */
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class PatientResource {

    @Inject
    PathPatient pathPatient;

    @Inject
    PatientService patients;

    @Inject
    PlanService plans;

    @Inject
    Prescriptions prescriptions;

    @Inject
    AdherenceService adherence;

    @Inject
    Caller caller;

    @Inject
    Reminders reminders;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @Inject
    AttentionService attention;

    @Inject
    FhirExport fhir;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.PATIENT_LIST)
    @Operation(operationId = "listPatients", summary = "The clinic's patients, by name",
            description = "Paged (page from 0, size at most 100); q finds part of the name or email.")
    public Page<PatientView> list(@Parameter(description = "Text in the name or email") @QueryParam("q") @Size(max = 100) String q,
                                  @Valid @BeanParam PageRequest paging) {
        return patients.list(caller.clinicId(), q, paging).map(Views::patient);
    }

    @POST
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PATIENT_ENROL)
    @Limited(RateLimiter.Limit.ENROLMENTS)
    @Operation(operationId = "enrolPatient", summary = "Enrol a patient",
            description = "Creates the patient's login (role patient, this clinic) and"
            + " answers with a one-time password to hand over; it must be changed at first login. Chiropractors only.")
    @APIResponse(responseCode = "201", description = "Enrolled",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response enrol(@NotNull(message = "a JSON body is required") @Valid EnrolmentRequest request) {
        PatientService.Enrolment enrolment = patients.enrol(caller.clinicId(), caller.subject(), request, saved -> {
            audit.patient(saved.id);
            recorder.recordChange(201);
        });
        audit.recorded();
        EnrolmentView view = new EnrolmentView(Views.patient(enrolment.patient()), new EnrolmentView.Login(
                enrolment.account().username(), enrolment.account().temporaryPassword(),
                "Log in with this username and one-time password; you will be asked to choose your own password."));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(enrolment.patient().id.toString()).build())
                .entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PATIENT_READ)
    @Operation(operationId = "getPatient", summary = "One patient of the clinic",
            description = "A patient of another clinic, or none, is a 404.")
    public PatientView get(@PathParam("id") String id) {
        return Views.patient(patient(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PATIENT_UPDATE)
    @Operation(operationId = "changePatient", summary = "Change a patient's time zone",
            description = "The zone decides the patient's today;"
            + " sessions already recorded keep their dates. Chiropractors only.")
    public PatientView update(@PathParam("id") String id,
                              @NotNull(message = "a JSON body is required") @Valid PatientPatch patch) {
        Patient patient = pathPatient.forChange(id);
        return recorder.change(200, () -> Views.patient(patients.changeTimeZone(patient.id, patch.timeZone())));
    }

    @GET
    @Path("/{id}/plans")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PLAN_LIST)
    @Operation(operationId = "listPatientPlans", summary = "A patient's plans (current versions), newest first",
            description = "Every plan of the patient, active, paused or completed.")
    public List<PlanView> plans(@PathParam("id") String id) {
        return plans.ofPatient(patient(id).id).stream().map(PlanService.Current::view).toList();
    }

    @POST
    @Path("/{id}/plans")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PLAN_CREATE)
    @Operation(operationId = "prescribePlan", summary = "Prescribe a plan",
            description = "From a routine template or chosen exercises; every"
            + " exercise is checked against catalog-service and stored as prescribed. 503 when the catalog is down.")
    @APIResponse(responseCode = "201", description = "Prescribed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PlanView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response prescribe(@PathParam("id") String id,
                              @NotNull(message = "a JSON body is required") @Valid PlanRequest request) {
        Patient patient = pathPatient.forChange(id);
        // the catalog is asked first, outside the transaction that stores the plan with its audit record
        Prescriptions.Content content = prescriptions.resolve(request);
        PlanService.Current created = recorder.change(201, () -> {
            PlanService.Current plan = plans.create(patient, caller.subject(), caller.displayName(), content,
                    request.schedule());
            audit.target("plan " + plan.plan().id);
            return plan;
        });
        return Response.created(uriInfo.getBaseUriBuilder().path("/api/plans/" + created.plan().id).build())
                .entity(created.view()).build();
    }

    @GET
    @Path("/{id}/adherence")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ADHERENCE_READ)
    @Operation(operationId = "getPatientAdherence", summary = "A patient's adherence over a window (all plans)",
            description = AdherenceView.FORMULA + ". Without from: since the first scheduled day; without to: today.")
    public AdherenceView adherence(@PathParam("id") String id, @BeanParam AdherenceWindow window) {
        Patient patient = patient(id);
        return adherence.evaluate(patient, null, window.from(), window.to(), window.days());
    }

    @GET
    @Path("/{id}/reminders")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.PATIENT_REMINDERS_READ)
    @Tag(name = "Reminders")
    @Operation(operationId = "listPatientReminders", summary = "The reminders planned for a patient, newest first",
            description = "To set beside the patient's adherence: which sessions were reminded, and whether the"
                    + " reminder went out. A patient of another clinic, or none, is a 404. Paged.")
    public Page<SentReminderView> reminders(@PathParam("id") String id, @Valid @BeanParam PageRequest paging) {
        Patient patient = patient(id);
        audit.target(ReminderResource.TARGET);
        return ReminderResource.page(reminders, patient.id, paging);
    }

    @POST
    @Path("/{id}/attention-acknowledgements")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ATTENTION_ACKNOWLEDGE)
    @Tag(name = "Attention")
    @Operation(operationId = "acknowledgeAttention", summary = "Take one reason a patient needs attention in hand",
            description = "201 with who, when and until when (AttentionResource's list leaves the reason out until"
                    + " then, unless new data for it arrives); 409 when the patient is not on the list for that"
                    + " reason now; a patient of another clinic, or none, is a 404.")
    @APIResponse(responseCode = "201", description = "Acknowledged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttentionRow.Acknowledged.class)))
    public Response acknowledge(@PathParam("id") String id,
                                @NotNull(message = "a JSON body is required") @Valid AcknowledgementRequest request) {
        Patient patient = pathPatient.forChange(id);
        AttentionRow.Acknowledged done = attention.acknowledge(caller.clinicId(), patient.id, request,
                caller.subject(), caller.displayName());
        return Response.status(Response.Status.CREATED).entity(done).build();
    }

    @GET
    @Path("/{id}/fhir")
    @Produces(FhirExport.FHIR_JSON)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.FHIR_PATIENT)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Tag(name = "FHIR")
    @Operation(operationId = "getPatientFhir", summary = "A patient's record as a FHIR R4 Bundle",
            description = FhirResource.BUNDLE + " Who may read it: as the patient PDF. A patient of another clinic,"
                    + " or none, is a 404.")
    @APIResponse(responseCode = "200", description = "The Bundle",
            content = @Content(mediaType = FhirExport.FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response fhir(@PathParam("id") String id) {
        Patient patient = patient(id);
        audit.target("FHIR bundle");
        return FhirResource.bundle(fhir.bundle(caller.clinicId(), patient.id), patient);
    }

    private Patient patient(String id) {
        return pathPatient.of(id);
    }
}
