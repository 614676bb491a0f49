package io.spinewise.web.security;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;

/**
 * Sign-out, only by the layout's form: a POST that the CSRF filter has checked, so another
 * site cannot sign a user out with a link or an image (a GET here is 405). Quarkus OIDC's own
 * {@code logout.path} answers any method before the CSRF filter runs, so it is not used; this
 * does what it did: removes the session cookies and sends the browser to Keycloak's
 * end-session endpoint with the ID token as the hint, so Keycloak's session ends without a
 * question and the next person on a shared device has to sign in again. {@code Clear-Site-Data: "cache"}
 * drops the browser's cached copy of the Today page (the one page it may keep, see {@link SecurityHeaders});
 * the service worker clears its own caches when it sees this post.
 */
@Path("logout")
public class SignOut {

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@Context UriInfo request) {
        URI signedOut = request.getBaseUriBuilder().path("signed-out").build();
        URI next = provider.getEndSessionUri() == null ? signedOut : keycloakSignOut(signedOut);
        return session.logout().replaceWith(Response.seeOther(next).header("Clear-Site-Data", "\"cache\"").build());
    }

    private URI keycloakSignOut(URI signedOut) {
        UriBuilder uri = UriBuilder.fromUri(provider.getEndSessionUri())
                .queryParam("post_logout_redirect_uri", signedOut);
        JsonWebToken idToken = session.getIdToken();
        if (idToken != null && idToken.getRawToken() != null) {
            uri.queryParam("id_token_hint", idToken.getRawToken());
        }
        return uri.build();
    }
}
