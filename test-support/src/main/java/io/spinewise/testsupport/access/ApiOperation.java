package io.spinewise.testsupport.access;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of a service's OpenAPI document, as the access matrix needs it.
 *
 * @param id             the operationId
 * @param method         GET, POST, ...
 * @param template       the path template, e.g. {@code /api/plans/{id}}
 * @param pathParameters the names of its path parameters
 * @param takesBody      whether it declares a request body
 * @param bodyProperties the top-level properties its request body declares (empty without a body)
 * @param nestedProperties per top-level property, the properties of the object it holds (or of its array's items)
 */
public record ApiOperation(String id, String method, String template, List<String> pathParameters, boolean takesBody,
                           Set<String> bodyProperties, Map<String, Set<String>> nestedProperties) {

    /** "PATCH /api/plans/{id}", for tables and messages. */
    public String route() {
        return method + " " + template;
    }
}
