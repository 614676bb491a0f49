package io.spinewise.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every 4xx and 5xx answer.
 *
 * @param type       a URI naming the kind of problem; stable, so clients can branch on it
 * @param title      a short, fixed summary of that kind
 * @param status     the HTTP status
 * @param detail     what went wrong in this request, in words a person can act on
 * @param violations for validation problems: each field at fault and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "An RFC 9457 problem detail: the body of every error answer",
        requiredProperties = {"type", "title", "status"})
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON path such as {@code dosage.holdSeconds.min}, and the reason. */
    @Schema(name = "Violation", requiredProperties = {"field", "message"})
    public record Violation(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of());
    }

    public static Problem invalid(String detail, List<Violation> violations) {
        ProblemType type = ProblemType.VALIDATION;
        return new Problem(type.uri(), type.title(), type.status(), detail, violations);
    }

    /** One field at fault, the detail a sentence of its own: {@code items[0].reps is out of range for a int.} */
    public static Problem invalidField(String field, String message) {
        return invalid(field + " " + message + ".", List.of(new Violation(field, message)));
    }
}
