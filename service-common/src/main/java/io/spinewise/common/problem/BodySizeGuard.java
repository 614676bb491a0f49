package io.spinewise.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies over {@code quarkus.http.limits.max-body-size} would be cut off by the HTTP layer
 * with an empty 413. This handler answers before any body is read, in the problem+json shape
 * of every other error: an oversized declared length gets 413; a body streamed without a
 * length (chunked) gets 411, because its size is unknown until it is too late to answer well.
 * JSON requests of browsers and REST clients always declare their length.
 */
@ApplicationScoped
public class BodySizeGuard {

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        String body = problemBody(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                "The body is larger than the " + maxBodySize.asLongValue() / 1024 + " KiB this service accepts."));
        String lengthRequired = problemBody(Problem.of(ProblemType.LENGTH_REQUIRED,
                "Send the body with a Content-Length header (at most " + maxBodySize.asLongValue() / 1024 + " KiB)."));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            if (declared == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                ctx.response().setStatusCode(411).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(lengthRequired);
                return;
            }
            ctx.next();
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
                return;
            }
            ctx.next();
        });
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String problemBody(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
