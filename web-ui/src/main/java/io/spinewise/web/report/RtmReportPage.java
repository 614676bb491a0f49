package io.spinewise.web.report;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.Downloads;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.RtmReport;
import io.spinewise.web.page.UnreadableInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The clinic's remote-monitoring month (docs/rtm.md): each patient's monitoring periods and qualifying minutes, and
 * the month's CSV streamed through from plan-service, for chiropractors and administrators. Spinewise counts; the
 * clinic decides what to bill.
 */
@Path("/admin")
@RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
@Produces(MediaType.TEXT_HTML)
public class RtmReportPage {

    private static final String MONTH_RULE = "Choose a month like 2026-11.";

    @Inject
    PlanClient plan;

    @Inject
    Downloads downloads;

    /** {@code month} as typed; {@code error} when it cannot be read (then {@code report} is null). */
    record RtmPage(String month, String error, RtmReport report) implements TemplateInstance {
    }

    @GET
    @Path("reports/rtm")
    public Response page(@QueryParam("month") String month) {
        if (month == null || month.isBlank()) {
            YearMonth current = YearMonth.now(ZoneOffset.UTC);
            return Response.ok(new RtmPage(current.toString(), null, plan.rtmReport(current.toString()))).build();
        }
        YearMonth chosen = month(month);
        if (chosen == null) {
            return Response.status(400).entity(new RtmPage(month.strip(), MONTH_RULE, null)).build();
        }
        return Response.ok(new RtmPage(chosen.toString(), null, plan.rtmReport(chosen.toString()))).build();
    }

    @GET
    @Path("reports/rtm.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@QueryParam("month") String month) {
        YearMonth chosen = month(month == null ? "" : month);
        if (chosen == null) {
            throw new UnreadableInput(MONTH_RULE);
        }
        return downloads.planFile(Downloads.RTM_CSV + "?month=" + chosen, "rtm-" + chosen + ".csv");
    }

    private static YearMonth month(String text) {
        try {
            YearMonth month = YearMonth.parse(text.strip());
            return month.getYear() < 1900 || month.getYear() > 2199 ? null : month;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
