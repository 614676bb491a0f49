package io.spinewise.web.client.model;

import java.util.List;

/** An RFC 9457 problem as the services send it (application/problem+json). */
public record Problem(String type, String title, Integer status, String detail, List<Violation> violations) {

    /** One invalid field and why. */
    public record Violation(String field, String message) {
    }

    public List<Violation> violationsOrEmpty() {
        return violations == null ? List.of() : violations;
    }
}
