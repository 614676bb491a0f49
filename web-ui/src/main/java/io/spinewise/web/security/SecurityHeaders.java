package io.spinewise.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Security headers on every answer, pages, files and login redirects alike. The
 * Content-Security-Policy allows no inline script or style: all JavaScript and CSS are
 * static files of this origin. {@code form-action} also names the identity provider, because
 * a form post may end in a redirect to its login or logout page, which browsers check too.
 * Pages (not the static files) are never stored by the browser, so "back" after logout shows
 * nothing of a patient's data.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                    @ConfigProperty(name = "spinewise.web.login-origin") Optional<String> loginOrigin) {
        String identityOrigin = loginOrigin.or(() -> authServerUrl.map(SecurityHeaders::origin)).orElse("");
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'" + (identityOrigin.isBlank() ? "" : " " + identityOrigin) + "; "
                + "frame-ancestors 'none'";
    }

    public String policy() {
        return policy;
    }

    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 100);
    }

    void addHeaders(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equals(rc.request().scheme())) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (!isStaticFile(rc.normalizedPath())) {
            headers.set("Cache-Control", "no-store");
        }
        rc.next();
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
