package io.spinewise.web.reminders;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code POST /reminders/unsubscribe/{token}}: turns e-mail reminders off, for a mail program's one click
 * (RFC 8058: {@code List-Unsubscribe=One-Click} in the body, answered 200) and for the confirm page's button
 * (answered with a redirect to the page's "done" state). A plain Vert.x route, not a REST resource, so that
 * the CSRF filter does not refuse the mail program, which has no CSRF cookie: nothing here relies on a session
 * (the caller is anonymous), the unguessable token in the path is the credential, so a cross-site post
 * achieves nothing its sender could not do with the token alone. plan-service checks the token.
 */
@ApplicationScoped
public class OneClickUnsubscribe {

    /** plan-service's operation {@code unsubscribeReminders}, a path template of its OpenAPI document. */
    public static final String PLAN_UNSUBSCRIBE = "/api/reminders/unsubscribe/{token}";
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String PATH = "/reminders/unsubscribe/:token";
    private static final Logger LOG = Logger.getLogger(OneClickUnsubscribe.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @ConfigProperty(name = "quarkus.rest-client.plan.url")
    String planUrl;

    void install(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(1024));
        router.post(PATH).blockingHandler(this::unsubscribe);
    }

    void unsubscribe(RoutingContext rc) {
        String token = rc.pathParam("token");
        boolean oneClick = rc.body() != null && rc.body().asString("UTF-8") != null
                && rc.body().asString("UTF-8").contains("List-Unsubscribe=One-Click");
        if (token == null || !TOKEN.matcher(token).matches()) {
            text(rc, 404, "No reminder mail with this link.");
            return;
        }
        int status;
        try {
            status = http.send(HttpRequest.newBuilder(URI.create(stripSlash(planUrl)
                                    + PLAN_UNSUBSCRIBE.replace("{token}", token)))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.warnf("plan-service did not answer an unsubscribe: %s", e.getMessage());
            status = 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        }
        if (status == 204) {
            if (oneClick) {
                text(rc, 200, "E-mail reminders are off.");
            } else {
                rc.response().setStatusCode(303).putHeader("Location", "/reminders/unsubscribe/" + token + "?done=yes")
                        .end();
            }
        } else if (status == 404) {
            text(rc, 404, "No reminder mail with this link.");
        } else {
            text(rc, 503, "E-mail reminders could not be turned off just now; please try again in a few minutes.");
        }
    }

    private static void text(RoutingContext rc, int status, String body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
