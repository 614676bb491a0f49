package io.spinewise.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.spinewise.common.input.RefusedTextException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import static io.spinewise.common.problem.ProblemMappers.respond;

/**
 * A body that cannot be read as the JSON an operation takes, as a problem that says where it
 * broke ({@code items[0].reps}) and why, in words rather than Jackson's.
 */
public class JsonProblemMappers {

    private static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;

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
        return respond(Problem.invalidField(field, e.reason()));
    }

    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e) {
        String field = pathOf(e.getProcessor());
        String message = "is out of range for a " + (e.getTargetType() == null ? "number" : e.getTargetType().getSimpleName().toLowerCase());
        return respond(Problem.invalidField(field, message));
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
        return respond(Problem.invalidField(field, message));
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
        return respond(Problem.invalidField(field, message));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        if (e.getCause() instanceof JsonProcessingException inner && inner != e) {
            // Jackson wraps a parser's refusal as it unwinds: answer the refusal
            return answer(inner);
        }
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON."));
    }

    /** The answer to a JSON reading failure that arrived wrapped, as its own mapper gives it. */
    Response answer(JsonProcessingException e) {
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
