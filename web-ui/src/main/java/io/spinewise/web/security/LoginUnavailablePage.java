package io.spinewise.web.security;

import io.quarkus.oidc.OIDCException;
import io.spinewise.web.page.Assets;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When Keycloak cannot be reached, a login cannot start: instead of a bare 500, the browser
 * gets a friendly 503 page (the web-ui itself starts without Keycloak and connects on the
 * first request that needs it).
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

    @Inject
    Assets assets;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (loginServiceDown(rc.failure()) && !rc.response().headWritten()) {
            rc.response().setStatusCode(503)
                    .putHeader("Content-Type", "text/html; charset=UTF-8")
                    .putHeader("Retry-After", "30")
                    .end(PAGE.formatted(assets.url("/webjars/picocss__pico/css/pico.min.css"),
                            assets.url("/css/app.css")));
            return;
        }
        rc.next();
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
