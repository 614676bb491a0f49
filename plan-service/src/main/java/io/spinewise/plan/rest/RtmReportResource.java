package io.spinewise.plan.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.RtmReportView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.audit.AuditedStream;
import io.spinewise.plan.report.ExportSlots;
import io.spinewise.plan.report.RtmReport;
import io.spinewise.plan.service.RateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import java.time.YearMonth;

/**
 * The clinic's remote-monitoring month for its staff (docs/rtm.md): the rows as JSON for the page and as a streamed
 * CSV; Spinewise counts, the clinic decides what to bill.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class RtmReportResource {

    static final String CSV = ReportResource.CSV;

    @Inject
    RtmReport rtm;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ExportSlots slots;

    @Inject
    RoutingContext exchange;

    @GET
    @Path("/rtm")
    @Produces("application/json")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.REPORT_RTM)
    @Operation(operationId = "getRtmReport", summary = "The clinic's remote-monitoring counts for a month",
            description = "A row per patient and monitoring period overlapping the month, with the month's logged and"
                    + " qualifying minutes (docs/rtm.md); the rules in words and the notice that Spinewise counts and"
                    + " the clinic decides what to bill. `month` as YYYY-MM.")
    public RtmReportView rtmReport(@Parameter(description = "The month, e.g. 2026-11") @QueryParam("month") String month) {
        YearMonth ym = Params.requiredMonth(month, "month");
        audit.target("rtm " + ym);
        return rtm.view(caller.clinicId(), ym);
    }

    @GET
    @Path("/rtm.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.REPORT_RTM_CSV)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "getRtmCsv", summary = "The clinic's remote-monitoring counts for a month (CSV, streamed)",
            description = "Columns " + RtmReportView.CSV_HEADER + "; the rows of getRtmReport. A patient_name that"
                    + " begins with `=`, `+`, `-`, `@`, a tab or a carriage return is sent with a leading `'`."
                    + " Spinewise counts; the clinic decides what to bill.")
    @APIResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            headers = {
                    @Header(name = "Content-Disposition", description = "The file name",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response rtmCsv(@Parameter(description = "The month, e.g. 2026-11") @QueryParam("month") String month) {
        YearMonth ym = Params.requiredMonth(month, "month");
        String clinic = caller.clinicId();
        SecurityIdentity identity = identities.getIdentity();
        slots.holdUntilAnswered(clinic, exchange);
        try {
            recorder.write(identity, null, AuditAction.REPORT_RTM_CSV, 200, "rtm " + ym + ", started");
        } catch (AuditRecorder.AuditUnavailable e) {
            audit.recorded();
            throw AuditRecorder.AuditUnavailable.problem();
        }
        audit.recorded();
        AuditedStream body = new AuditedStream(output -> rtm.csv(output, clinic, ym),
                (status, detail) -> recorder.record(identity, null, AuditAction.REPORT_RTM_CSV, status,
                        "rtm " + ym + ", " + detail));
        return Response.ok(body, CSV).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rtm-"
                + clinic.replaceAll("[^A-Za-z0-9-]", "_") + "-" + ym + ".csv\"").build();
    }
}
