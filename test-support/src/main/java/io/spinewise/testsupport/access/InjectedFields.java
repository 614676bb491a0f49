package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields a mass-assignment attempt adds to a valid body, each with a value that would move
 * the entry to another clinic or owner, raise a role, or rewrite an id or a date, if a service
 * bound it. The values are recognisable, so a success can be checked for having stored them.
 */
final class InjectedFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FORGED_ID = "0badc0de-0000-4000-8000-00000000f00d";

    static final Map<String, JsonNode> VALUES = values();

    private InjectedFields() {
    }

    private static Map<String, JsonNode> values() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("clinicId", NODES.textNode("forged-clinic"));
        values.put("clinic", NODES.textNode("forged-clinic"));
        values.put("patientId", NODES.textNode(FORGED_ID));
        values.put("ownerId", NODES.textNode(FORGED_ID));
        values.put("owner", NODES.textNode("forged-clinic"));
        values.put("subject", NODES.textNode(FORGED_ID));
        values.put("role", NODES.textNode("forged-role"));
        values.put("roles", NODES.arrayNode().add("forged-role"));
        values.put("id", NODES.textNode(FORGED_ID));
        values.put("createdAt", NODES.textNode("2001-02-03T04:05:06Z"));
        values.put("createdBy", NODES.textNode(FORGED_ID));
        values.put("prescribedBy", NODES.textNode(FORGED_ID));
        values.put("version", NODES.numberNode(31337));
        return values;
    }
}
