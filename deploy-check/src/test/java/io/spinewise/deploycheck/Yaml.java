package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Multi-document YAML in and out, as Jackson trees. */
final class Yaml {

    static final YAMLMapper MAPPER = new YAMLMapper();

    private Yaml() {
    }

    /** Every non-empty document; a document that is not a mapping is an error, not skipped. */
    static List<ObjectNode> readAll(String text, String source) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(text)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(source + ": a document is not a mapping: " + doc);
                }
                docs.add(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": not valid YAML", e);
        }
        return docs;
    }

    static ObjectNode readOne(String text, String source) {
        List<ObjectNode> docs = readAll(text, source);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(source + ": expected one document, found " + docs.size());
        }
        return docs.get(0);
    }

    /** The text at a dotted path ("spec.hostname.hostname"), if every step exists. */
    static Optional<String> text(JsonNode node, String dottedPath) {
        JsonNode at = at(node, dottedPath);
        return at.isValueNode() ? Optional.of(at.asText()) : Optional.empty();
    }

    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode at = node;
        for (String step : dottedPath.split("\\.")) {
            at = at.path(step);
        }
        return at;
    }

    static String kind(JsonNode doc) {
        return doc.path("kind").asText();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    /** "Kind/name", how problems name a document. */
    static String id(JsonNode doc) {
        return kind(doc) + "/" + name(doc);
    }
}
