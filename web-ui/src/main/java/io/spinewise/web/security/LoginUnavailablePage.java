package io.spinewise.web.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.spinewise.web.page.Assets;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * When Keycloak cannot be reached, a login cannot start: instead of sending the browser to a
 * Keycloak that refuses the connection or never answers (a browser error, or a page that loads
 * forever), a visitor who is not signed in gets a friendly 503 page from web-ui at once. Two ways
 * lead here: before a request that would be sent to the login, {@link LoginServiceProbe} is asked
 * (a bounded question, shared for a few seconds); and when OIDC itself fails to reach Keycloak
 * (discovery at the first request, or the code exchange), its failure ends here instead of a bare
 * 500. A signed-in user's pages do not need Keycloak and keep working.
 */
@ApplicationScoped
public class LoginUnavailablePage {

    /** The page; {@code %1$s} and {@code %2$s} are the style sheets' versioned URLs ({@link Assets}). */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign-in unavailable · Spinewise</title>
            <link rel="stylesheet" href="%1$s"><link rel="stylesheet" href="%2$s"></head>
            <body><main id="main" class="container"><section class="error-page degraded" aria-labelledby="t">
            <h1 id="t">Sign-in is temporarily unavailable</h1>
            <p class="lead">We could not reach the sign-in service just now. Nothing was lost; please try again in a minute.</p>
            <p><a href="/" role="button">Try again</a></p></section></main></body></html>
            """;

    /** Quarkus OIDC's session cookie (and, with split tokens, {@code q_session_at}/{@code _rt}). */
    private static final String SESSION_COOKIE = "q_session";

    @Inject
    Assets assets;

    @Inject
    LoginServiceProbe probe;

    @ConfigProperty(name = "quarkus.http.auth.permission.public.paths")
    List<String> publicPaths;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    /** After the security headers' filter, before authentication, which would send the visitor to Keycloak. */
    void register(@Observes Filters filters) {
        filters.register(this::beforeLogin, SecurityHandlerPriorities.AUTHENTICATION + 10);
    }

    void beforeLogin(RoutingContext rc) {
        if (!wouldBeSentToLogin(rc)) {
            rc.next();
            return;
        }
        // the probe's answer may arrive on another event loop: carry on in the request's own context
        Context request = Vertx.currentContext();
        probe.loginServiceUp().onComplete(up -> request.runOnContext(ignored -> {
            if (Boolean.TRUE.equals(up.result())) {
                rc.next();
            } else if (!rc.response().ended()) {
                answer(rc);
            }
        }));
    }

    /** Not signed in (no session cookie, no bearer token) and asking for a page that needs it. */
    private boolean wouldBeSentToLogin(RoutingContext rc) {
        if (rc.request().headers().contains("Authorization") || isPublic(rc.normalizedPath())) {
            return false;
        }
        return rc.request().cookies().stream().noneMatch(c -> c.getName().startsWith(SESSION_COOKIE));
    }

    private boolean isPublic(String path) {
        for (String pattern : publicPaths) {
            boolean matches = pattern.endsWith("/*")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    void handle(RoutingContext rc) {
        if (loginServiceDown(rc.failure()) && !rc.response().headWritten()) {
            answer(rc);
            return;
        }
        rc.next();
    }

    private void answer(RoutingContext rc) {
        rc.response().setStatusCode(503)
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Retry-After", "30")
                .end(PAGE.formatted(assets.url("/webjars/picocss__pico/css/pico.min.css"), assets.url("/css/app.css")));
    }

    static boolean loginServiceDown(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException && t.getMessage() != null && t.getMessage().contains("not available")) {
                return true;
            }
        }
        return false;
    }
}
