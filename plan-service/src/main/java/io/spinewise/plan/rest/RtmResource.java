package io.spinewise.plan.rest;

import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.RtmTimeEntryView;
import io.spinewise.plan.api.RtmTimeRequest;
import io.spinewise.plan.api.RtmView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.RtmService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * A patient's Remote Therapeutic Monitoring counts and the treatment-management time logged against them
 * (docs/rtm.md), for the clinic's chiropractors. Spinewise counts; the clinic decides what to bill.
 */
// the class path PatientResource has: a second class under /api/patients/{id}/… would hide 405s behind 404s
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Remote monitoring")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class RtmResource {

    @Inject
    PathPatient pathPatient;

    @Inject
    RtmService rtm;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @Context
    UriInfo uriInfo;

    @GET
    @Path("/{id}/rtm")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.RTM_READ)
    @Operation(operationId = "getPatientRtm", summary = "A patient's monitoring periods and monthly time totals",
            description = "Counts against the configured RTM thresholds, with the rules in words (periodRule,"
                    + " timeRule) and the notice that Spinewise counts and the clinic decides what to bill."
                    + " A patient of another clinic, or none, is a 404.")
    public RtmView get(@PathParam("id") String id) {
        return rtm.of(patient(id));
    }

    @GET
    @Path("/{id}/rtm/time")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.RTM_TIME_LIST)
    @Operation(operationId = "listRtmTime", summary = "The treatment-management time logged for a patient",
            description = "Newest first; deleted entries are not listed.")
    public List<RtmTimeEntryView> list(@PathParam("id") String id) {
        return rtm.entries(patient(id));
    }

    @POST
    @Path("/{id}/rtm/time")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.RTM_TIME_LOG)
    @Operation(operationId = "logRtmTime", summary = "Log treatment-management time for a patient",
            description = "By the caller (the token's subject and name): minutes 1-240, a date not after the"
                    + " patient's today, whether it included an interactive communication, an optional note.")
    @APIResponse(responseCode = "201", description = "Logged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RtmTimeEntryView.class)),
            headers = {
                    @Header(name = "Location", description = "The new entry's URL",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response log(@PathParam("id") String id,
                        @NotNull(message = "a JSON body is required") @Valid RtmTimeRequest request) {
        Patient patient = pathPatient.forChange(id);
        RtmTimeEntryView entry = recorder.change(201, () -> {
            RtmTimeEntryView logged = rtm.log(patient, caller.subject(), caller.displayName(), request);
            audit.target("rtm time " + logged.id() + ", " + logged.minutes() + " min");
            return logged;
        });
        return Response.created(uriInfo.getAbsolutePathBuilder().path(entry.id().toString()).build())
                .entity(entry).build();
    }

    @DELETE
    @Path("/{id}/rtm/time/{entryId}")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.RTM_TIME_DELETE)
    @Operation(operationId = "deleteRtmTime", summary = "Delete time I logged",
            description = "Only the clinician who logged it (403 for another's); none is a 404. The entry is kept"
                    + " marked deleted and no longer counts.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") String id, @PathParam("entryId") String entryId) {
        Patient patient = patient(id);
        UUID entry = Params.pathId(entryId, "time entry");
        audit.target("rtm time " + entry);
        recorder.change(204, () -> {
            rtm.delete(patient, entry, caller.subject());
            return null;
        });
    }

    private Patient patient(String id) {
        return pathPatient.of(id);
    }
}
