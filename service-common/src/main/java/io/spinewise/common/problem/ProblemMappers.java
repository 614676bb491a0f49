package io.spinewise.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.spinewise.common.input.RefusedTextException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} answer. Messages are written
 * for the caller; exception class names, stack traces and SQL never leave the process.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;
    /** Seconds a client should wait before retrying a 503: about what a restart of PostgreSQL or a service takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem(), e.retryAfterSeconds());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
        return respond(Problem.invalid(detail, violations));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        String where = " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field '")) {
            String field = message.substring("Duplicate field '".length(), message.indexOf('\'', "Duplicate field '".length()));
            return respond(Problem.invalid("The field '" + field + "' is given twice" + where + ".",
                    List.of(new Problem.Violation(field, "is given twice"))));
        }
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid UTF-8 JSON" + where + "."));
        }
        if (message.startsWith("Trailing token")) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body goes on after its JSON value ends" + where + "."));
        }
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where + "."));
    }

    @ServerExceptionMapper
    public Response refusedText(RefusedTextException e) {
        String field = pathOf(e);
        return respond(Problem.invalid(field + " " + e.reason() + ".", List.of(new Problem.Violation(field, e.reason()))));
    }

    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e) {
        String field = pathOf(e.getProcessor());
        String message = "is out of range for a " + (e.getTargetType() == null ? "number" : e.getTargetType().getSimpleName().toLowerCase());
        return respond(Problem.invalid(field + " " + message + ".", List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response jsonLimit(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String where = pathOf(e.getProcessor());
        String detail = message.contains("nesting depth")
                ? "The body nests arrays or objects deeper than this service reads (" + MAX_NESTING + " levels)."
                : (where.equals("body") ? "The body" : where) + " holds a number or text longer than this service reads.";
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, detail));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        return respond(Problem.invalid("Unknown field '" + field + "'.",
                List.of(new Problem.Violation(field, "is not a known field"))));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e) {
        String field = pathOf(e);
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.toString(e.getTargetType().getEnumConstants())
                : "has the wrong format for " + simpleTypeName(e.getTargetType());
        return respond(Problem.invalid(field + " " + message + ".", List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = pathOf(e);
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_REQUEST,
                    "The body does not have the expected shape (expected a JSON "
                            + jsonKind(e.getTargetType()) + ")."));
        }
        String message = "has the wrong type (expected " + jsonKind(e.getTargetType()) + ")";
        return respond(Problem.invalid(field + " " + message + ".", List.of(new Problem.Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        if (e.getCause() instanceof JsonProcessingException inner && inner != e) {
            // Jackson wraps a parser's refusal as it unwinds: answer the refusal
            return json(inner);
        }
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON."));
    }

    /** The answer to a JSON reading failure that arrived wrapped, as its own mapper gives it. */
    private Response json(JsonProcessingException e) {
        if (e instanceof RefusedTextException text) {
            return refusedText(text);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown);
        }
        if (e instanceof InvalidFormatException format) {
            return invalidValue(format);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return mismatchedInput(mismatch);
        }
        if (e instanceof StreamConstraintsException limit) {
            return jsonLimit(limit);
        }
        if (e instanceof InputCoercionException range) {
            return numberOutOfRange(range);
        }
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        return otherJson(e);
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
            return json(cause);
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
            case 415 -> "Send the body as application/json.";
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

    /**
     * The caller's view of the field: {@code create.request.items[1].sets} becomes
     * {@code items[1].sets}; a query parameter keeps its own name.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                // a body parameter's own name means nothing to the caller; a query parameter's does
                if (i == nodes.size() - 1) {
                    field.append(node.getName());
                }
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** Where a parser stood when it refused: {@code items[0].reps}, from its open objects and arrays. */
    private static String pathOf(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "body";
        }
        List<JsonStreamContext> open = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            open.add(0, c);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c : open) {
            if (c.inObject() && c.getCurrentName() != null) {
                path.append(path.length() > 0 ? "." : "").append(c.getCurrentName());
            } else if (c.inArray()) {
                path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String jsonKind(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        return "object";
    }

    private static String simpleTypeName(Class<?> type) {
        return type == null ? "this field" : type.getSimpleName();
    }
}
