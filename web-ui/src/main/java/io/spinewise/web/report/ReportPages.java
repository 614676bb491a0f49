package io.spinewise.web.report;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Chiropractor;
import io.spinewise.web.client.model.FhirResourceType;
import io.spinewise.web.config.WebConfig;
import io.spinewise.web.page.DateRange;
import io.spinewise.web.page.UnreadableInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The clinic's adherence report: the period form, its summary, and the CSV and per-patient PDF
 * streamed through from plan-service, for chiropractors and administrators.
 */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

    @Inject
    PlanClient plan;

    @Inject
    Downloads downloads;

    @Inject
    WebConfig config;

    /**
     * {@code from}/{@code to}: the period the report covers; {@code range}: the fields as typed,
     * with their errors (the report is then not shown). {@code chiropractors} is null when the
     * list could not be loaded (the page then has no select). {@code fhirTypes}: the bulk FHIR files (administrators).
     */
    record ReportPage(LocalDate from, LocalDate to, DateRange range, List<Chiropractor> chiropractors,
                      String chiropractor, String filter, List<FhirResourceType> fhirTypes) implements TemplateInstance {
    }

    record ReportSummaryTable(List<ReportSummary.Line> lines, LocalDate from, LocalDate to, String filter)
            implements TemplateInstance {
    }

    @GET
    @Path("reports")
    public Response reports(@QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("chiropractor") String chiropractor) {
        DateRange range = reportRange(from, to);
        List<Chiropractor> chiropractors;
        try {
            chiropractors = plan.chiropractors();
        } catch (ServiceException e) {
            chiropractors = null; // the filter is a nicety: the report works without it
        }
        String chosen = chiropractor(chiropractor);
        // dates that cannot be read are shown again with a sentence; the report waits for usable ones
        DateRange shown = range.valid() ? range : reportRange(null, null);
        return Response.status(range.valid() ? 200 : 400)
                .entity(new ReportPage(shown.from().value(), shown.to().value(), range, chiropractors,
                        chosen == null ? "" : chosen, chiropractorQuery(chosen), List.of(FhirResourceType.values())))
                .build();
    }

    /** The summary table, loaded by the page after it showed (a long report does not block the page). */
    @GET
    @Path("reports/summary")
    public TemplateInstance summary(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("chiropractor") String chiropractor) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        String chosen = chiropractor(chiropractor);
        HttpResponse<InputStream> csv = downloads.open(reportPath(start, end, chosen));
        List<ReportSummary.Line> lines;
        try (InputStream in = csv.body()) {
            lines = ReportSummary.read(in);
        } catch (IOException e) {
            throw new InternalServerErrorException(e);
        }
        return new ReportSummaryTable(lines, start, end, chiropractorQuery(chosen));
    }

    @GET
    @Path("reports/adherence.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("chiropractor") String chiropractor) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        return downloads.planFile(reportPath(start, end, chiropractor(chiropractor)),
                "adherence-" + start + "-to-" + end + ".csv");
    }

    @GET
    @Path("reports/patients/{id}.pdf")
    @Produces(MediaType.WILDCARD)
    public Response pdf(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = linkRange(from, to);
        LocalDate start = range.from().value();
        LocalDate end = range.to().value();
        String path = Downloads.PATIENT_PDF.replace("{id}", id.toString());
        return downloads.planFile(path + "?from=" + start + "&to=" + end,
                "patient-" + id + "-" + start + "-to-" + end + ".pdf");
    }

    /** One file of the clinic's bulk FHIR export, for administrators (as plan-service's call); another type is a 404. */
    @GET
    @Path("reports/fhir/{type}.ndjson")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    public Response fhirExport(@PathParam("type") String type) {
        FhirResourceType resource = FhirResourceType.ofFhirName(type).orElseThrow(NotFoundException::new);
        return downloads.planFile(Downloads.FHIR_EXPORT.replace("{type}", resource.fhirName()),
                resource.fhirName() + "-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson");
    }

    /** The report's period: the last {@code reportDays} days up to {@link #latestToday()} unless chosen. */
    private DateRange reportRange(String from, String to) {
        return DateRange.read(from, to, latestToday(), config.reportDays() - 1);
    }

    /** The report's period from a link (summary, downloads): unusable dates answer 400 with the reason. */
    private DateRange linkRange(String from, String to) {
        DateRange range = reportRange(from, to);
        if (!range.valid()) {
            throw new UnreadableInput(String.join(" ", range.errors().values()));
        }
        return range;
    }

    private static String reportPath(LocalDate from, LocalDate to, String chiropractor) {
        return Downloads.ADHERENCE_CSV + "?from=" + from + "&to=" + to + chiropractorQuery(chiropractor);
    }

    /** The chosen chiropractor, or null for all; plan-service checks the format (400 when malformed). */
    private static String chiropractor(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code &chiropractor=...} (URL-encoded) to append to a report link, or "" for all chiropractors. */
    private static String chiropractorQuery(String chiropractor) {
        return chiropractor == null ? "" : "&chiropractor=" + URLEncoder.encode(chiropractor, StandardCharsets.UTF_8);
    }

    /**
     * The default end of a report: the newest "today" on Earth (UTC+14), so that a patient whose
     * local date is already tomorrow in UTC still has today's sessions in it; plan-service counts
     * each patient only up to their own today.
     */
    private static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }
}
