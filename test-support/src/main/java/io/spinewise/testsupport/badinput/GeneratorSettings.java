package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What the generator cannot read from a service's OpenAPI document, kept beside the corpus in
 * {@code bad-input/generator.json}.
 *
 * @param identities who sends an operation's cases: by operationId, else by tag, else {@code default}
 * @param pathIds    per path up to a parameter (e.g. {@code /api/plans/{id}}): the fixture that fills it and
 *                   the word a 404 for a wrong one names
 * @param formats    parameters and fields whose text has a format the document does not state, by name
 *                   ({@code date}, {@code uuid}, {@code timezone})
 * @param queries    query parameters an operation needs (e.g. a required window), by operationId: each query
 *                   case replaces one of them or adds its own
 * @param headers    headers an operation needs besides the body (e.g. {@code If-Match}), by operationId
 * @param bodies     a valid body per operationId: each body case spoils one part of it
 */
public record GeneratorSettings(Map<String, String> identities, Map<String, PathId> pathIds, Map<String, String> formats,
                                Map<String, Map<String, String>> queries, Map<String, Map<String, String>> headers, Map<String, JsonNode> bodies) {

    public GeneratorSettings {
        queries = queries == null ? Map.of() : queries;
    }

    /** A path parameter's fixture (a {@code ${variable}} of the test) and what a wrong one is called in a 404. */
    public record PathId(String variable, String noun) {
    }
}
