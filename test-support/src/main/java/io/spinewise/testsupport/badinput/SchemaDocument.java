package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;

/** A service's OpenAPI document as JSON, read for the schemas its parameters and bodies refer to. */
final class SchemaDocument {

    private final JsonNode document;

    SchemaDocument(JsonNode document) {
        this.document = document;
    }

    /** The schema itself: a {@code $ref} followed, an "X or null" reduced to X. */
    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asText();
            return resolve(document.at(ref.substring(1)));
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.path("anyOf")) {
                if (!"null".equals(option.path("type").asText())) {
                    return resolve(option);
                }
            }
        }
        return schema;
    }

    /** The schema's JSON type, "null" aside; an untyped schema is an object when it has properties, else a string. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }
}
