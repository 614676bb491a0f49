package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' resources checked against src/test/resources/operator-fields.yaml: every field
 * under spec must be listed there with its type. The API server would prune an unknown field
 * of a custom resource without a word (or the operator would ignore it), so a typo has to fail
 * here.
 */
final class OperatorFields {

    static final String RESOURCE = "/operator-fields.yaml";

    /** Allowed field paths and their types, per kind. */
    record Schema(String apiVersion, Map<String, String> fields) {
    }

    private static final Map<String, Schema> SCHEMAS = load();

    private OperatorFields() {
    }

    static Map<String, Schema> schemas() {
        return SCHEMAS;
    }

    static boolean covers(String kind) {
        return SCHEMAS.containsKey(kind);
    }

    /** Problems of one document; none for kinds the schema does not describe. */
    static List<String> check(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        Schema schema = SCHEMAS.get(Yaml.kind(doc));
        if (schema == null) {
            return problems;
        }
        if (!schema.apiVersion().equals(doc.path("apiVersion").asText())) {
            problems.add(Yaml.id(doc) + ": operator-fields.yaml describes " + schema.apiVersion()
                    + ", the document is " + doc.path("apiVersion").asText());
        }
        visit(doc.path("spec"), "spec", schema.fields(), Yaml.id(doc), problems);
        return problems;
    }

    private static void visit(JsonNode node, String path, Map<String, String> fields, String id, List<String> problems) {
        String type = fields.get(path);
        if (type == null) {
            problems.add(id + ": " + path + " is not a field of the operator's API (operator-fields.yaml);"
                    + " misspelt, misplaced, or new and not yet checked against the CRD");
            return;
        }
        if (!hasType(node, type)) {
            problems.add(id + ": " + path + " must be " + type + ", is " + node.getNodeType().name().toLowerCase()
                    + " " + node);
            return;
        }
        switch (type) {
            case "object" -> node.fields().forEachRemaining(e ->
                    visit(e.getValue(), path + "." + e.getKey(), fields, id, problems));
            case "array" -> node.forEach(item -> visit(item, path + "[]", fields, id, problems));
            case "map" -> {
                if (fields.containsKey(path + ".*")) {
                    node.fields().forEachRemaining(e -> visitMapValue(e, path, fields, id, problems));
                }
            }
            default -> {
            }
        }
    }

    /** Map values are checked against "path.*"; the problem names the real key. */
    private static void visitMapValue(Map.Entry<String, JsonNode> entry, String path, Map<String, String> fields,
            String id, List<String> problems) {
        List<String> found = new ArrayList<>();
        visit(entry.getValue(), path + ".*", fields, id, found);
        found.forEach(p -> problems.add(p.replace(path + ".*", path + "." + entry.getKey())));
    }

    private static boolean hasType(JsonNode node, String type) {
        return switch (type) {
            case "object", "map" -> node.isObject();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            case "quantity" -> node.isTextual() || node.isNumber();
            case "array" -> node.isArray();
            case "string-map" -> node.isObject() && allTextual(node);
            case "any" -> true;
            default -> throw new IllegalStateException("operator-fields.yaml: unknown type " + type);
        };
    }

    private static boolean allTextual(JsonNode object) {
        for (JsonNode value : object) {
            if (!value.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Schema> load() {
        try (InputStream in = OperatorFields.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            JsonNode root = Yaml.readOne(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            Map<String, Schema> schemas = new LinkedHashMap<>();
            root.fields().forEachRemaining(kind -> {
                Map<String, String> fields = new LinkedHashMap<>();
                kind.getValue().path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
                schemas.put(kind.getKey(), new Schema(kind.getValue().path("apiVersion").asText(), fields));
            });
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
