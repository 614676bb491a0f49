package io.spinewise.web.page;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.spinewise.web.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The front door: {@code /} sends each role to its own start page; {@code /signed-out} after logout. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    CurrentUser user;

    /** Shown to a signed-in user whose account has none of the Spinewise roles. */
    record NoRole() implements TemplateInstance {
    }

    record SignedOut() implements TemplateInstance {
    }

    @GET
    @Authenticated
    public Response home() {
        String home = user.home();
        if (home == null) {
            return Response.status(Response.Status.FORBIDDEN).entity(new NoRole()).build();
        }
        return Response.seeOther(URI.create(home)).build();
    }

    @GET
    @Path("signed-out")
    @PermitAll
    public TemplateInstance signedOut() {
        return new SignedOut();
    }
}
