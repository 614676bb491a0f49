package io.spinewise.keycloak.enrolment;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** The extension's error answers, in the shapes Keycloak's own APIs use. */
final class Refusal {

    private Refusal() {
    }

    /** OAuth-style {@code {"error", "error_description"}}, as Keycloak answers for tokens and access. */
    static Response of(Response.Status status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error, "error_description", description)).build();
    }

    /**
     * A field the realm's user profile (or the request) refused, in the Admin API's shape
     * {@code {"field", "errorMessage", "params"}} or {@code {"errors": [...]}} for several, so that a
     * client reads both the same way.
     */
    static Response fields(List<Map<String, Object>> errors) {
        Object body = errors.size() == 1 ? errors.get(0) : Map.of("errors", errors);
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Map<String, Object> field(String field, String errorMessage, List<String> params) {
        return Map.of("field", field, "errorMessage", errorMessage, "params", params);
    }
}
