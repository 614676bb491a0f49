package io.spinewise.web.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Whether Keycloak answers at all, asked at most every few seconds and never waiting long: a
 * stopped Keycloak refuses the connection, a hung one accepts it and says nothing, so the answer
 * is bounded by {@link #TIMEOUT}. Any answer below 500 counts as up; whether the login itself then
 * works is Keycloak's business. Non-blocking, so it can run on the event loop before a login redirect.
 */
@ApplicationScoped
public class LoginServiceProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** How long one answer stands for every request that asks. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final String discoveryUrl;
    private final HttpClient http;
    private Future<Boolean> last;
    private long lastAskedAt;

    LoginServiceProbe(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discoveryUrl = authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) TIMEOUT.toMillis())
                .setKeepAlive(false));
    }

    /** Completes with whether Keycloak answered; requests within {@link #FRESH_FOR} share one question. */
    public synchronized Future<Boolean> loginServiceUp() {
        long now = System.nanoTime();
        if (last == null || now - lastAskedAt > FRESH_FOR.toNanos()) {
            lastAskedAt = now;
            last = ask();
        }
        return last;
    }

    private Future<Boolean> ask() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(discoveryUrl)
                .setConnectTimeout(TIMEOUT.toMillis()).setIdleTimeout(TIMEOUT.toMillis());
        return http.request(request)
                .compose(sent -> sent.send())
                .compose(this::statusBelow500)
                .otherwise(false);
    }

    private Future<Boolean> statusBelow500(HttpClientResponse response) {
        // the body is read to the end so the connection is released; its content does not matter
        return response.body().map(ignored -> response.statusCode() < 500);
    }
}
