package io.spinewise.plan.rest;

import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.PushAvailabilityView;
import io.spinewise.plan.api.PushSubscriptionRequest;
import io.spinewise.plan.api.PushSubscriptionView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.PushSubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * My browsers that receive reminders by Web Push (docs/architecture.md, "Reminders"), and the server's public
 * key a browser subscribes with. The reminders themselves are sent by {@code ReminderSender}.
 */
@Path("/api/me/push-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class PushSubscriptionResource {

    static final String TARGET = "push subscriptions";

    @Inject
    CurrentPatient me;

    @Inject
    PushSubscriptionService service;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @Path("/public-key")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PUSH_PUBLIC_KEY_READ)
    @Operation(operationId = "getPushPublicKey", summary = "Whether reminders by Web Push are offered, and the key",
            description = "available=false: this installation has no VAPID keys, so PUSH is not offered. The key"
                    + " is pushManager.subscribe's applicationServerKey.")
    public PushAvailabilityView publicKey() {
        return service.availability();
    }

    @GET
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PUSH_SUBSCRIPTIONS_READ)
    @Operation(operationId = "listMyPushSubscriptions", summary = "My browsers that receive reminders",
            description = "Oldest first; at most 10.")
    public List<PushSubscriptionView> list() {
        audit.target(TARGET);
        return service.of(me.get());
    }

    @POST
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PUSH_SUBSCRIBE)
    @Operation(operationId = "addMyPushSubscription", summary = "Receive reminders in this browser",
            description = "The body is the browser's PushSubscription.toJSON() (endpoint and keys), with an optional"
                    + " label. 201 when added, 200 when this browser was subscribed already; a browser another"
                    + " patient subscribed before is mine from now on. 409 past 10 browsers.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "200", description = "Known already (re-bound to me if it was another's)")
    public Response subscribe(@NotNull(message = "a JSON body is required") @Valid PushSubscriptionRequest request) {
        Patient patient = me.get();
        audit.target(TARGET);
        PushSubscriptionService.Subscribed result = recorder.change(200, () -> service.subscribe(patient, request));
        return Response.status(result.added() ? 201 : 200).entity(result.view()).build();
    }

    @DELETE
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.PUSH_UNSUBSCRIBE)
    @Operation(operationId = "removeMyPushSubscription", summary = "Stop reminders in a browser",
            description = "By the browser's endpoint or the subscription's id (one of the two). 204 also when it was"
                    + " not mine or is gone already: another patient's subscription is never touched.")
    @APIResponse(responseCode = "204", description = "Removed, or none of mine had it")
    public void unsubscribe(
            @QueryParam("endpoint") @Size(max = PushSubscriptionRequest.MAX_ENDPOINT,
                    message = "is longer than 1024 characters") String endpoint,
            @QueryParam("id") UUID id) {
        Patient patient = me.get();
        audit.target(TARGET);
        recorder.change(204, () -> {
            service.unsubscribe(patient, endpoint, id);
            return null;
        });
    }
}
