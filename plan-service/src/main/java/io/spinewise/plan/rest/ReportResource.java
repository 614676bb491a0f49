package io.spinewise.plan.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.audit.AuditedStream;
import io.spinewise.plan.data.OutcomeRows;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.report.AdherenceCsv;
import io.spinewise.plan.report.OutcomesCsv;
import io.spinewise.plan.report.ExportSlots;
import io.spinewise.plan.report.PatientPdf;
import io.spinewise.plan.report.ReportTimeout;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.RateLimiter;
import io.spinewise.plan.service.Today;
import io.vertx.ext.web.RoutingContext;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Exports for the clinic's staff: the adherence and outcomes CSVs (streamed) and a patient's PDF summary; the
 * remote-monitoring month is {@link RtmReportResource}'s.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class ReportResource {

    static final String CSV = "text/csv; charset=utf-8";

    @Inject
    AdherenceCsv csv;

    @Inject
    AuditRecorder recorder;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    PatientPdf pdf;

    @Inject
    OutcomesCsv outcomesCsv;

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

    @Inject
    ExportSlots slots;

    @Inject
    ReportTimeout timeout;

    @Inject
    RoutingContext exchange;


    @GET
    @Path("/adherence.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.REPORT_ADHERENCE_CSV)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "getAdherenceCsv",
            summary = "The clinic's adherence, one row per patient per day (CSV, streamed)",
            description = "Columns patient_id, patient_name, date, scheduled, completed. A patient_name that begins with"
                    + " `=`, `+`, `-`, `@`, a tab or a carriage return is sent with a leading `'`, so a spreadsheet shows it"
                    + " as text instead of running it as a formula. Days run from `from` to `to`,"
                    + " cut at each patient's today. `chiropractor` (a user id, optional) keeps only the patients with"
                    + " a plan that user prescribed.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            headers = {
                    @Header(name = "Content-Disposition", description = "The file name",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response adherence(@QueryParam("from") String fromParam, @QueryParam("to") String toParam,
                              @QueryParam("chiropractor") String chiropractorParam) {
        LocalDate from = Params.requiredDate(fromParam, "from");
        LocalDate to = Params.requiredDate(toParam, "to");
        Params.window(from, to);
        withinMaxDays(from, to, "to");
        UUID chiropractor = Params.uuid(chiropractorParam, "chiropractor");
        String clinic = caller.clinicId();
        String prescriber = chiropractor == null ? null : chiropractor.toString();
        String target = "adherence " + from + ".." + to + (prescriber == null ? "" : " chiropractor " + prescriber);
        String filename = "adherence-" + clinic.replaceAll("[^A-Za-z0-9-]", "_") + "-" + from + "-" + to + ".csv";
        SecurityIdentity identity = identities.getIdentity();
        Instant now = today.now();
        slots.holdUntilAnswered(clinic, exchange);
        // on record before a byte leaves: an export the audit log cannot hold is not sent at all (fail closed)
        try {
            recorder.write(identity, null, AuditAction.REPORT_ADHERENCE_CSV, 200, target + ", started");
        } catch (AuditRecorder.AuditUnavailable e) {
            audit.recorded(); // it could not be, and the answer holds no data
            throw AuditRecorder.AuditUnavailable.problem();
        }
        audit.recorded(); // and again by the stream when it ends: whether the export completed is known only then
        AuditedStream body = new AuditedStream(
                output -> csv.write(output, clinic, prescriber, from, to, now),
                (status, detail) -> recorder.record(identity, null, AuditAction.REPORT_ADHERENCE_CSV, status, target + ", " + detail));
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build();
    }

    @GET
    @Path("/outcomes.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.REPORT_OUTCOMES_CSV)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "getOutcomesCsv",
            summary = "The clinic's questionnaire scores, one row per answer (CSV, streamed)",
            description = "Columns " + OutcomeRows.HEADER + ". Answers given from `from` to `to` (the patients'"
                    + " dates); baseline is the patient's first score on that instrument, change = score −"
                    + " baseline, verdict BASELINE, BETTER or WORSE (moved at least the MCID that way) or"
                    + " WITHIN_MCID. patient_name is made spreadsheet-safe as in the adherence CSV.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            headers = {
                    @Header(name = "Content-Disposition", description = "The file name",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response outcomes(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
        LocalDate from = Params.requiredDate(fromParam, "from");
        LocalDate to = Params.requiredDate(toParam, "to");
        Params.window(from, to);
        withinMaxDays(from, to, "to");
        String clinic = caller.clinicId();
        String target = "outcomes " + from + ".." + to;
        String filename = "outcomes-" + clinic.replaceAll("[^A-Za-z0-9-]", "_") + "-" + from + "-" + to + ".csv";
        SecurityIdentity identity = identities.getIdentity();
        slots.holdUntilAnswered(clinic, exchange);
        try {
            recorder.write(identity, null, AuditAction.REPORT_OUTCOMES_CSV, 200, target + ", started");
        } catch (AuditRecorder.AuditUnavailable e) {
            audit.recorded();
            throw AuditRecorder.AuditUnavailable.problem();
        }
        audit.recorded();
        AuditedStream body = new AuditedStream(output -> outcomesCsv.write(output, clinic, from, to),
                (status, detail) -> recorder.record(identity, null, AuditAction.REPORT_OUTCOMES_CSV, status,
                        target + ", " + detail));
        return Response.ok(body, CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build();
    }

    @GET
    @Path("/patients/{id}.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.REPORT_PATIENT_PDF)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "getPatientPdf",
            summary = "A patient's summary: plans, adherence by week, pain trend (PDF)",
            description = "Over the period from `from` to `to` (both included, the patient's own dates; at most "
                    + "3660 days). Without `to`: up to the patient's today; without `from`: the 12 weeks up to `to`,"
                    + " from a Monday. Figures stop at the patient's today.")
    public Response patient(@PathParam("id") String id,
                            @Parameter(description = "The first day, e.g. 2026-10-01")
                            @QueryParam("from") String fromParam,
                            @Parameter(description = "The last day, e.g. 2026-10-31")
                            @QueryParam("to") String toParam) {
        UUID uuid = Params.pathId(id, "patient");
        LocalDate from = Params.date(fromParam, "from");
        LocalDate to = Params.date(toParam, "to");
        Params.window(from, to);
        audit.patient(uuid);
        Patient patient = patients.find(caller.clinicId(), uuid)
                .orElseThrow(() -> ProblemException.notFound("No patient " + id + " in your clinic."));
        PatientPdf.Period period = pdf.period(patient, from, to);
        // a defaulted end can still fall before a given start, or too far from it: name what was given
        String named = to == null ? "from" : "to";
        if (period.to().isBefore(period.from())) {
            throw ProblemException.invalid(named, to == null ? "must not be after the patient's today"
                    : "must not be before from");
        }
        withinMaxDays(period.from(), period.to(), named);
        audit.target("patient summary " + period.from() + ".." + period.to());
        slots.holdUntilAnswered(caller.clinicId(), exchange);
        byte[] document;
        try {
            document = pdf.render(patient, period);
        } catch (RuntimeException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw e;
        }
        return Response.ok(document, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"patient-" + uuid + "-" + period.from()
                        + "-to-" + period.to() + ".pdf\"")
            .build();
    }

    /** A report covers at most {@code spinewise.plan.report.max-days} days; else a 400 naming {@code parameter}. */
    private void withinMaxDays(LocalDate from, LocalDate to, String parameter) {
        if (ChronoUnit.DAYS.between(from, to) >= config.report().maxDays()) {
            throw ProblemException.invalid(parameter, "the range may span at most " + config.report().maxDays()
                    + " days");
        }
    }
}
