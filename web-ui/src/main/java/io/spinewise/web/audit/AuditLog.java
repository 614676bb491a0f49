package io.spinewise.web.audit;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.AuditEvent;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.page.DateRange;
import io.spinewise.web.page.ErrorPages;
import io.spinewise.web.page.Htmx;
import io.spinewise.web.page.Pager;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The clinic's audit log, for administrators only: it watches the staff, so it is not a
 * chiropractor's to read (docs/architecture.md, "Roles").
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AuditLog {

    private static final String PATH = "/admin/audit";

    @Inject
    PlanClient plan;

    /**
     * {@code range}: the date filter as typed; {@code notice}: why the list is empty although
     * events may exist (a filter to correct or complete, a page beyond the last), or null;
     * {@code patientHref}: the link that filters by a patient, up to the id (it keeps the dates);
     * {@code allPatientsHref}: the same dates for every patient.
     */
    record AuditPage(List<AuditEvent> events, Pager pager, AuditPatientFilter filter, DateRange range, String notice,
                     String patientHref, String allPatientsHref) implements TemplateInstance {
    }

    /** The list part of the audit page (count, table, page links), for a page change through htmx. */
    record AuditPage$list(List<AuditEvent> events, Pager pager, AuditPatientFilter filter, DateRange range,
                          String notice, String patientHref, String allPatientsHref) implements TemplateInstance {
    }

    /**
     * One page of the clinic's audit log, newest first, filtered by patient and dates. {@code page}
     * counts from 1 like the patients list: text that is not a page number answers 400, a page
     * beyond the last 404 with a link back; a patient id that is not one answers 400 with the
     * reason by the patient field, as unreadable dates do.
     */
    @GET
    @Path("audit")
    public Response audit(@QueryParam("patient") String patient, @QueryParam("find") String find,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") String pageText, @Context HttpHeaders headers) {
        OptionalInt asked = Pager.requested(pageText);
        if (asked.isEmpty()) {
            return ErrorPages.noSuchPage(pageText, headers);
        }
        DateRange range = DateRange.optional(from, to);
        AuditPatientFilter filter = AuditPatientFilter.read(patient, find, plan);
        boolean ask = range.valid() && filter.decided();
        ListPage<AuditEvent> events = ask
                ? plan.audit(filter.id(), range.from().value(), range.to().value(), asked.getAsInt() - 1)
                : new ListPage<>(List.of(), 0, plan.pageSize(), 0);
        Map<String, String> dates = new LinkedHashMap<>();
        dates.put("from", range.valid() ? text(range.from().value()) : "");
        dates.put("to", range.valid() ? text(range.to().value()) : "");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("patient", filter.id() == null ? "" : filter.id().toString());
        params.putAll(dates);
        Pager pager = Pager.of(PATH, params, events, ask ? asked.getAsInt() : 1);
        // the events of one patient all carry that patient's name: no extra call (and audit record) to learn it
        filter = filter.named(events.itemsOrEmpty().stream().map(AuditEvent::patientName)
                .filter(Objects::nonNull).findFirst().orElse(null));
        String notice = !range.valid() ? "Correct the marked dates to see events."
                : filter.error() != null ? "Correct the patient filter to see events."
                : !filter.decided() ? filter.notice()
                : pager.beyondEndNotice();
        String allPatients = Pager.link(PATH, dates);
        String patientHref = allPatients + (allPatients.contains("?") ? "&" : "?") + "patient=";
        TemplateInstance answer = Htmx.targets(headers, "audit-list")
                ? new AuditPage$list(events.itemsOrEmpty(), pager, filter, range, notice, patientHref, allPatients)
                : new AuditPage(events.itemsOrEmpty(), pager, filter, range, notice, patientHref, allPatients);
        int status = !range.valid() || filter.error() != null ? 400 : pager.beyondEnd() ? 404 : 200;
        return Response.status(status).entity(answer).build();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
