package io.spinewise.web.reminders;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The page a reminder mail's unsubscribe link opens: a button that turns e-mail reminders off (it posts to
 * the same address, which {@link OneClickUnsubscribe} answers, as it answers a mail program's one click),
 * and the answer once done. No sign-in: the link's token is the credential, checked by plan-service.
 */
@Path("/reminders/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePage {

    record Confirm(String token, boolean done) implements TemplateInstance {
    }

    @GET
    @Path("/{token}")
    @PermitAll // opened from a mail, often on another device than the one signed in: the token is the credential
    public TemplateInstance confirm(@PathParam("token") String token, @QueryParam("done") String done) {
        String safe = OneClickUnsubscribe.TOKEN.matcher(token).matches() ? token : "";
        return new Confirm(safe, done != null);
    }
}
