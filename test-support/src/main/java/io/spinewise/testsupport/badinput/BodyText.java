package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A valid body spoilt in one place, as the text a case sends, and the name of that place. */
final class BodyText {

    private static final String MARK = "@@spoiled@@";

    private BodyText() {
    }

    /** The body with the value at {@code path} replaced by the JSON text {@code value}, or removed when null. */
    static String spoil(JsonNode body, List<Object> path, String value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            parent = path.get(i) instanceof String key ? parent.get(key) : parent.get(Math.max((Integer) path.get(i), 0));
        }
        Object last = path.get(path.size() - 1);
        if (value == null) {
            ((ObjectNode) parent).remove((String) last);
            return compact(copy);
        }
        // the value is JSON text that may be invalid JSON (1e309, NaN), so it goes in as text, not as a node
        if (last instanceof String key) {
            ((ObjectNode) parent).set(key, TextNode.valueOf(MARK));
        } else {
            ((ArrayNode) parent).set(Math.max((Integer) last, 0), TextNode.valueOf(MARK));
        }
        return compact(copy).replace("\"" + MARK + "\"", value);
    }

    /** {@code items[0].reps}; a set's element (index -1) is named by the set. */
    static String fieldName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                name.append(index < 0 ? "" : "[" + index + "]");
            } else {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(part);
            }
        }
        return name.toString();
    }

    static String compact(JsonNode node) {
        try {
            return BadInputCorpus.JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unquote(String json) {
        try {
            return BadInputCorpus.JSON.readValue(json, String.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
