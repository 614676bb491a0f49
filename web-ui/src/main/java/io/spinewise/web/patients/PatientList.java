package io.spinewise.web.patients;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.DashboardPage;
import io.spinewise.web.client.model.DashboardRow;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** The chiropractor's patients list: adherence, streak, pain and flags, with search, sort and page links. */
@Path("/patients")
@RolesAllowed(Roles.CHIROPRACTOR)
@Produces(MediaType.TEXT_HTML)
public class PatientList {

    @Inject
    PlanClient plan;

    /** {@code notice}: why the list is empty although patients exist (a page beyond the last), or null. */
    record PatientsPage(List<DashboardRow> rows, Pager pager, String q, String sort, String dir, String notice)
            implements TemplateInstance {
    }

    /** The list part of the page (count, table, page links), for a search or page change through htmx. */
    record PatientsPage$list(List<DashboardRow> rows, Pager pager, String q, String sort, String dir, String notice)
            implements TemplateInstance {
    }

    /**
     * One page of the clinic's patients, in plan-service's order (by name). The sort orders the
     * rows of the page shown: the figures are computed per page, so a clinic-wide sort by them
     * would cost as much as the whole clinic. {@code page} counts from 1; text that is not a page
     * number answers 400, a page beyond the last 404 with links back into the list. {@code after} and
     * {@code before} come from the Next and Previous links: plan-service's position, passed on as it is.
     */
    @GET
    public Response patients(@QueryParam("q") String q, @QueryParam("sort") String sort,
                             @QueryParam("dir") String dir, @QueryParam("page") String pageText,
                             @QueryParam("after") String after, @QueryParam("before") String before,
                             @Context HttpHeaders headers) {
        OptionalInt asked = Pager.requested(pageText);
        if (asked.isEmpty()) {
            return ErrorPages.noSuchPage(pageText, headers);
        }
        String search = q == null ? "" : q.strip();
        String key = sort == null || sort.isBlank() ? "flags" : sort;
        String direction = "desc".equals(dir) ? "desc" : "asc";
        // Next and Previous carry plan-service's position (Pager): it then reads the page from where it starts
        DashboardPage page = plan.dashboard(search, asked.getAsInt() - 1, after, before);
        List<DashboardRow> rows = new ArrayList<>(page.itemsOrEmpty());
        rows.sort(comparator(key, "desc".equals(direction)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", search);
        params.put("sort", key);
        params.put("dir", direction);
        Pager pager = Pager.of("/patients", params, page, asked.getAsInt());
        String notice = pager.beyondEndNotice();
        TemplateInstance answer = Htmx.targets(headers, "patient-list")
                ? new PatientsPage$list(rows, pager, search, key, direction, notice)
                : new PatientsPage(rows, pager, search, key, direction, notice);
        return Response.status(pager.beyondEnd() ? 404 : 200).entity(answer).build();
    }

    private static Comparator<DashboardRow> comparator(String key, boolean descending) {
        Comparator<DashboardRow> byName = Comparator.comparing(r -> r.name() == null ? "" : r.name().toLowerCase());
        Comparator<DashboardRow> c = switch (key) {
            case "adh7" -> Comparator.comparing(r -> pct(r.last7Days()));
            case "adh30" -> Comparator.comparing(r -> pct(r.last30Days()));
            case "streak" -> Comparator.comparingInt(DashboardRow::streak);
            case "last" -> Comparator.comparing(r -> r.lastSession() == null ? LocalDate.MIN : r.lastSession());
            case "pain" -> Comparator.comparing(r -> r.latestPain() == null ? -1 : r.latestPain());
            case "flags" -> Comparator.comparing((DashboardRow r) -> -r.flagsOrEmpty().size());
            default -> byName;
        };
        c = descending ? c.reversed() : c;
        return c.thenComparing(byName);
    }

    private static double pct(DashboardRow.Window window) {
        return window == null || window.percentage() == null ? -1 : window.percentage();
    }
}
