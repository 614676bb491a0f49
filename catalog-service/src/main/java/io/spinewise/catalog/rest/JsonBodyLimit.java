package io.spinewise.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.regex.Pattern;

/**
 * The HTTP layer's body limit ({@code quarkus.http.limits.max-body-size}) is sized for a video upload;
 * every other request keeps the small limit JSON needs, answered like BodySizeGuard's (which runs
 * first and refuses a body without a declared length).
 */
@ApplicationScoped
class JsonBodyLimit {

    private static final Pattern UPLOAD = Pattern.compile("/api/exercises/[^/]+/media/?");

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "spinewise.json.max-body-size", defaultValue = "64K")
    MemorySize limit;

    void install(@Observes Router router) throws JsonProcessingException {
        String body = json.writeValueAsString(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The body is larger than the " + limit.asLongValue() / 1024 + " KiB this service accepts."));
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean upload = ctx.request().method() == HttpMethod.POST && UPLOAD.matcher(ctx.request().path()).matches();
            if (!upload && declared != null && over(declared)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            ctx.next();
        });
    }

    private boolean over(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
