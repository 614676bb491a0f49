package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.report.CalendarFeedIcs;
import io.spinewise.plan.service.CalendarFeedService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A patient's calendar feed, fetched by calendar apps, which send no login: the unguessable token in the
 * path is the credential (256 random bits, revocable by the patient), so the endpoint is open to every
 * caller and answers 404 for any token that is not a current one. web-ui passes it through on its public
 * path; plan-service itself is not public.
 */
@Path("/api/calendar")
@Tag(name = "Me (patients)")
public class CalendarResource {

    @Inject
    CalendarFeedService feeds;

    @GET
    @Path("/{token}.ics")
    @PermitAll // the token is the credential: calendar apps cannot log in
    @Produces(CalendarFeedIcs.MEDIA_TYPE)
    @Operation(operationId = "getCalendarFeed", summary = "A patient's calendar feed (iCalendar)",
            description = "The scheduled sessions of the patient's plans from a week back to eight weeks ahead,"
                    + " in the patient's time zone, titled without health details. No login: the token is the"
                    + " credential; an unknown or replaced one is a 404.")
    @APIResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = CalendarFeedIcs.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@Parameter(description = "The feed's secret token") @PathParam("token") String token) {
        String ics = feeds.feed(token).orElseThrow(() -> ProblemException.notFound(
                "No calendar feed at this link: it was turned off or replaced by a new link."));
        return Response.ok(ics, CalendarFeedIcs.MEDIA_TYPE).header("Cache-Control", "private, max-age=3600").build();
    }
}
