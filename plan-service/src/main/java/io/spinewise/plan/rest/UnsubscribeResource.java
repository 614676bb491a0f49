package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.service.ReminderPreferences;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * The one-click unsubscribe of a reminder mail (RFC 8058): turns the patient's e-mail reminders off. Not
 * audited: the caller is anonymous (the audit log records callers), the preference keeps when it changed.
 */
@Path("/api/reminders/unsubscribe")
@Tag(name = "Reminders")
public class UnsubscribeResource {

    @Inject
    ReminderPreferences preferences;

    @POST
    @Path("/{token}")
    @PermitAll // one click in a mail program (RFC 8058), which sends no login: the mail's unguessable token is the credential
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "unsubscribeReminders", summary = "Turn off e-mail reminders from a reminder mail",
            description = "The List-Unsubscribe-Post one-click of RFC 8058 (web-ui passes it on from its public"
                    + " path). No login: the token of the mail is the credential. Repeating it is harmless; an"
                    + " unknown token is a 404.")
    @APIResponse(responseCode = "204", description = "E-mail reminders are off")
    public Response unsubscribe(@Parameter(description = "The token of the mail's unsubscribe link")
                                @PathParam("token") String token) {
        if (!preferences.unsubscribe(token)) {
            throw ProblemException.notFound("No reminder mail with this unsubscribe link.");
        }
        return Response.noContent().build();
    }

}
