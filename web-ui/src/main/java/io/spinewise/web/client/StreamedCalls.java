package io.spinewise.web.client;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls whose bodies are streamed rather than read by the REST client (files to and from the services):
 * one JDK HTTP client, the signed-in user's token on the request, and a failure answered as the REST
 * client's calls are (unreachable, or the service's refusal as a {@link ServiceException}).
 */
@ApplicationScoped
public class StreamedCalls {

    private static final Logger LOG = Logger.getLogger(StreamedCalls.class);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    SecurityIdentity identity;

    @Inject
    ServiceCalls calls;

    /** A request to {@code baseUrl + pathAndQuery}, with the signed-in user's token when {@code asUser}. */
    public HttpRequest.Builder request(String baseUrl, String pathAndQuery, boolean asUser) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        AccessTokenCredential token = asUser ? identity.getCredential(AccessTokenCredential.class) : null;
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        return request;
    }

    /**
     * Sends the request; an answer below 400 is returned open (the caller closes its body).
     *
     * @throws ServiceException when the service cannot be reached or refuses
     */
    public HttpResponse<InputStream> open(Service service, HttpRequest.Builder request) {
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.warnf("%s streamed call failed: %s", service.id(), e.toString());
            throw new ServiceException(service, 0, null, service.id() + " unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(service, 0, null, "interrupted");
        }
        if (answer.statusCode() < 400) {
            return answer;
        }
        Response buffered;
        try (InputStream body = answer.body()) {
            buffered = Response.status(answer.statusCode())
                    .entity(new String(body.readNBytes(16_384), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            buffered = Response.status(answer.statusCode()).build();
        }
        throw calls.fromResponse(service, buffered);
    }
}
