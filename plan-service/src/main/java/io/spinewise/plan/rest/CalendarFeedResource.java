package io.spinewise.plan.rest;

import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.CalendarFeedLink;
import io.spinewise.plan.api.CalendarFeedRequest;
import io.spinewise.plan.api.CalendarFeedView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.CalendarFeedService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * My private calendar feed: whether it is on, turning it on or giving it a new link (the old one stops
 * at once), turning it off. The feed itself is {@link CalendarResource}.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me (patients)")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class CalendarFeedResource {

    private static final String TARGET = "calendar feed";

    @Inject
    CurrentPatient me;

    @Inject
    CalendarFeedService feeds;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @Path("/calendar-feed")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.CALENDAR_FEED_READ)
    @Operation(operationId = "getMyCalendarFeed", summary = "Whether my calendar feed is on",
            description = "The link itself is shown only when it is made.")
    public CalendarFeedView get() {
        audit.target(TARGET);
        return feeds.status(me.get());
    }

    @PUT
    @Path("/calendar-feed")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.CALENDAR_FEED_TURN_ON)
    @Operation(operationId = "turnOnMyCalendarFeed", summary = "Turn my calendar feed on, or give it a new link",
            description = "Answers a new secret link, this once; a link made before stops working at once."
                    + " The body may set the time of my day's first session ({} keeps it).")
    public CalendarFeedLink turnOn(@NotNull(message = "a JSON body is required, {} for none") @Valid CalendarFeedRequest request) {
        Patient patient = me.get();
        audit.target(TARGET);
        return recorder.change(200, () -> feeds.turnOn(patient, request.startsAt()));
    }

    @DELETE
    @Path("/calendar-feed")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.CALENDAR_FEED_TURN_OFF)
    @Operation(operationId = "turnOffMyCalendarFeed", summary = "Turn my calendar feed off",
            description = "Its link stops working at once; turning it on again makes a new one.")
    public CalendarFeedView turnOff() {
        Patient patient = me.get();
        audit.target(TARGET);
        return recorder.change(200, () -> feeds.turnOff(patient));
    }
}
