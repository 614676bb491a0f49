package io.spinewise.web.security;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Security headers on every answer, pages, files and login redirects alike. The
 * Content-Security-Policy allows no inline script or style: all JavaScript and CSS are
 * static files of this origin. {@code form-action} also names the identity provider, because
 * a form post may end in a redirect to its login or logout page, which browsers check too.
 * Pages (not the static files) are never stored by the browser, so "back" after logout shows
 * nothing of a patient's data; except the patient's Today page, {@code private, no-cache}: the service
 * worker keeps the last one to open offline (it keeps no page sent with {@code no-store}), and sign-out
 * clears it with the browser's cache ({@code Clear-Site-Data}, {@link SignOut}). The manifest and the
 * service worker's script are {@code no-cache}: always asked anew, so an upgrade reaches the phone.
 *
 * <p>The identity provider's origin in {@code form-action} is the one browsers are sent to: the
 * origin of the discovered authorization and end-session endpoints (Keycloak builds them from
 * its {@code hostname}), not of {@code quarkus.oidc.auth-server-url}, which in compose and
 * Kubernetes is Keycloak's internal address. Naming the internal one let the browser block the
 * redirect to Keycloak's logout, leaving Keycloak's session alive for the next person on the
 * device. Nothing has to be configured for it: it is learnt from the first signed-in request
 * (every page with a form is one), before that page's headers are written.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The SecurityIdentity attribute Quarkus OIDC puts the discovered provider metadata in. */
    static final String PROVIDER_METADATA = "configuration-metadata";

    /** The one page the service worker keeps for offline use (pwa/service-worker.js, {@code KEPT}). */
    static final String KEPT_OFFLINE = "/today";

    private volatile String policy;
    private volatile OidcConfigurationMetadata learntFrom;

    /** Until a signed-in request brings the provider's metadata, the auth-server URL's origin stands in. */
    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.policy = policy(Set.of(authServerUrl.map(SecurityHeaders::origin).orElse("")));
    }

    /** The policy as it stands now: with the browser-facing login origins once they are known. */
    public String policy() {
        return policy;
    }

    /**
     * Before authentication (priority {@value SecurityHandlerPriorities#AUTHENTICATION}) and authorisation,
     * whose answers (the redirect to the login page, a 401, a 403) would otherwise go out without the headers.
     */
    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    void addHeaders(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equals(rc.request().scheme())) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        String cacheControl = cacheControl(rc.normalizedPath());
        if (cacheControl != null) {
            headers.set("Cache-Control", cacheControl);
        }
        // at the end, not now: the request's identity (and with it the provider's metadata) is known then
        rc.addHeadersEndHandler(ignored -> {
            if (keptOffline(rc)) {
                headers.set("Cache-Control", "private, no-cache");
            }
            learnLoginOrigins(rc);
            headers.set("Content-Security-Policy", policy);
        });
        rc.next();
    }

    private void learnLoginOrigins(RoutingContext rc) {
        if (!(rc.user() instanceof QuarkusHttpUser user)) {
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity != null && identity.getAttribute(PROVIDER_METADATA) instanceof OidcConfigurationMetadata provider) {
            learn(provider);
        }
    }

    /** Puts the origins of the provider's login and logout endpoints into {@code form-action}. */
    void learn(OidcConfigurationMetadata provider) {
        if (provider == learntFrom) {
            return;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String endpoint : new String[] {provider.getAuthorizationUri(), provider.getEndSessionUri()}) {
            if (endpoint != null) {
                origins.add(origin(endpoint));
            }
        }
        origins.remove("");
        if (!origins.isEmpty()) {
            policy = policy(origins);
        }
        learntFrom = provider;
    }

    private static String policy(Set<String> identityOrigins) {
        StringBuilder formAction = new StringBuilder("'self'");
        identityOrigins.stream().filter(o -> !o.isBlank()).forEach(o -> formAction.append(' ').append(o));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action " + formAction + "; frame-ancestors 'none'";
    }

    /**
     * The Cache-Control of an answer on this path; null for the static files, whose own Quarkus sets, and
     * for a clinic's photo or video, which brings catalog-service's own (private, immutable:
     * media/MediaPassThrough).
     */
    static String cacheControl(String path) {
        if (isStaticFile(path) || path.startsWith("/media/")) {
            return null;
        }
        if (path.equals("/service-worker.js") || path.equals("/manifest.webmanifest")) {
            return "no-cache";
        }
        return "no-store";
    }

    /** The Today page itself (not a redirect to the login, not an error page): the service worker may keep it. */
    private static boolean keptOffline(RoutingContext rc) {
        return rc.response().getStatusCode() == 200 && "GET".equals(rc.request().method().name())
                && KEPT_OFFLINE.equals(rc.normalizedPath());
    }

    private static boolean isStaticFile(String path) {
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
