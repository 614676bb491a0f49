package io.spinewise.plan.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.report.AdherenceCsv;
import io.spinewise.plan.report.PatientPdf;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.Today;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Exports for the clinic's staff: the adherence CSV (streamed) and a patient's PDF summary. */
@Path("/api/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class ReportResource {

    static final String CSV = "text/csv; charset=utf-8";
    static final String ADHERENCE_CSV = "report.adherence.csv";

    @Inject
    AdherenceCsv csv;

    @Inject
    AuditRecorder recorder;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PatientPdf pdf;

    @Inject
    PatientService patients;

    @Inject
    Caller caller;

    @Inject
    Today today;

    @Inject
    PlanConfig config;

    @Inject
    AuditContext audit;

    @GET
    @Path("/adherence.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(ReportResource.ADHERENCE_CSV)
    @Operation(summary = "The clinic's adherence, one row per patient per day (CSV, streamed)",
            description = "Columns patient_id, patient_name, date, scheduled, completed. Days run from `from` to `to`,"
                    + " cut at each patient's today. `chiropractor` (a user id, optional) keeps only the patients with"
                    + " a plan that user prescribed.")
    public Response adherence(@QueryParam("from") String fromParam, @QueryParam("to") String toParam,
                              @QueryParam("chiropractor") String chiropractorParam) {
        LocalDate from = Params.requiredDate(fromParam, "from");
        LocalDate to = Params.requiredDate(toParam, "to");
        Params.window(from, to);
        if (ChronoUnit.DAYS.between(from, to) >= config.report().maxDays()) {
            throw ProblemException.invalid("to", "the range may span at most " + config.report().maxDays() + " days");
        }
        java.util.UUID chiropractor = Params.uuid(chiropractorParam, "chiropractor");
        String clinic = caller.clinicId();
        String prescriber = chiropractor == null ? null : chiropractor.toString();
        String target = "adherence " + from + ".." + to + (prescriber == null ? "" : " chiropractor " + prescriber);
        String filename = "adherence-" + clinic.replaceAll("[^A-Za-z0-9-]", "_") + "-" + from + "-" + to + ".csv";
        SecurityIdentity identity = identities.getIdentity();
        Instant now = today.now();
        audit.recorded(); // by the stream, when it ends: whether the export completed is known only then
        AuditedStream body = new AuditedStream(
                output -> csv.write(output, clinic, prescriber, from, to, now),
                (status, detail) -> recorder.record(identity, null, ADHERENCE_CSV, status, target + ", " + detail));
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build();
    }

    @GET
    @Path("/patients/{id}.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited("report.patient.pdf")
    @Operation(summary = "A patient's summary: plans, adherence by week, pain trend (PDF)",
            description = "Over `from` to `to` (dates, both optional): `to` defaults to the patient's today, `from` to"
                    + " the Monday twelve weeks before it. Days after the patient's today count as not yet scheduled.")
    public Response patient(@PathParam("id") String id, @QueryParam("from") String fromParam,
                            @QueryParam("to") String toParam) {
        UUID uuid = Params.pathId(id, "patient");
        LocalDate from = Params.date(fromParam, "from");
        LocalDate to = Params.date(toParam, "to");
        Params.window(from, to);
        if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= config.report().maxDays()) {
            throw ProblemException.invalid("to", "the range may span at most " + config.report().maxDays() + " days");
        }
        audit.patient(uuid);
        Patient patient = patients.find(caller.clinicId(), uuid)
                .orElseThrow(() -> ProblemException.notFound("No patient " + id + " in your clinic."));
        return Response.ok(pdf.render(patient, from, to), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"patient-" + uuid + ".pdf\"")
                .build();
    }
}
