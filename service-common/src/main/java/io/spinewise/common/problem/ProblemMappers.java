package io.spinewise.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Turns every failure into an {@code application/problem+json} answer: the services' own problems,
 * refused tokens and roles, a lost optimistic lock, the REST layer's own refusals and anything
 * unexpected; a body that is not the JSON an operation takes in {@link JsonProblemMappers}, a
 * constraint in {@link ValidationProblemMappers}. Messages are written for the caller; exception
 * class names, stack traces and SQL never leave the process.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying a 503: about what a restart of PostgreSQL or a service takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** A reading failure the REST layer wrapped is answered as the JSON mappers answer it unwrapped. */
    private final JsonProblemMappers json = new JsonProblemMappers();

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthenticatedResponse("A valid bearer token is required.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticatedResponse("The bearer token is invalid or expired.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role may not do this."));
    }

    @ServerExceptionMapper
    public Response staleWrite(OptimisticLockException e) {
        return respond(Problem.of(ProblemType.PRECONDITION_FAILED,
                "Someone changed this entry meanwhile; reload it and apply your change again."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            // the REST layer wraps reading errors; the caller still deserves to know where it broke
            return json.answer(cause);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers a query parameter it cannot convert (page=abc) with 404; it is a bad request
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST,
                    "A query or path parameter has the wrong format: " + e.getCause().getMessage()));
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This resource does not support that method.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 415 -> "Send the body as application/json (a file upload: as multipart/form-data).";
            case 400 -> "A parameter is malformed" + (e.getMessage() == null ? "." : ": " + e.getMessage());
            default -> type.title() + ".";
        };
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), status, detail, List.of()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            // not a bug: the database is down or restarting, and the same request will work again soon
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return respond(Problem.of(ProblemType.DEPENDENCY_UNAVAILABLE,
                    "The database is unavailable for the moment; retry in a few seconds."));
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Something went wrong on our side (incident " + incident + ")."));
    }

    private static Response unauthenticatedResponse(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHENTICATED, detail))
                .build();
    }

    static Response respond(Problem problem) {
        return respond(problem, null);
    }

    private static Response respond(Problem problem, Integer retryAfterSeconds) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        } else if (problem.status() == 503) {
            // a part (the database, the catalog, Keycloak) is away for the moment: tell the client when to retry
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
