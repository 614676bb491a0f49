package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid request per operation ({@code access/<service>-requests.json}: path and query values,
 * headers and a body), made concrete for one cell by filling its {@code {placeholders}}.
 */
final class MatrixRequests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> requests = new LinkedHashMap<>();

    private MatrixRequests() {
    }

    /** The requests of {@code resource}; keys starting with {@code //} are comments. */
    static MatrixRequests read(String resource) {
        MatrixRequests read = new MatrixRequests();
        try {
            JsonNode root = JSON.readTree(AccessMatrix.resource(resource));
            root.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("//")) {
                    read.requests.put(e.getKey(), e.getValue());
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is not valid JSON: " + e.getMessage(), e);
        }
        return read;
    }

    /** The request data of an operation, or null when the file has none. */
    JsonNode get(String operationId) {
        return requests.get(operationId);
    }

    Set<String> operationIds() {
        return requests.keySet();
    }

    /** The concrete request of one cell; {@code body} replaces the data's body when given. */
    Transport.Call call(ApiOperation operation, Function<String, String> values, String body) {
        JsonNode request = requests.getOrDefault(operation.id(), JSON.createObjectNode());
        String path = operation.template();
        for (String name : operation.pathParameters()) {
            String value = fill(request.path("path").path(name).asText(), values);
            path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        List<String> query = new ArrayList<>();
        request.path("query").fields().forEachRemaining(e -> query.add(e.getKey() + "="
                + URLEncoder.encode(fill(e.getValue().asText(), values), StandardCharsets.UTF_8)));
        if (!query.isEmpty()) {
            path += "?" + String.join("&", query);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), fill(e.getValue().asText(), values)));
        if (body == null && request.has("multipart")) {
            return new Transport.Call(operation, operation.method(), path, headers,
                    MultipartForm.of(fillTree(request.get("multipart").deepCopy(), values)), MultipartForm.CONTENT_TYPE);
        }
        if (body == null && request.has("body")) {
            body = filledBody(operation, values).toString();
        }
        return new Transport.Call(operation, operation.method(), path, headers, body);
    }

    /** A copy of the operation's body with its placeholders filled. */
    JsonNode filledBody(ApiOperation operation, Function<String, String> values) {
        return fillTree(requests.get(operation.id()).get("body").deepCopy(), values);
    }

    private static JsonNode fillTree(JsonNode node, Function<String, String> values) {
        if (node.isTextual()) {
            return new TextNode(fill(node.asText(), values));
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, fillTree(object.get(name), values));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, fillTree(node.get(i), values));
            }
        }
        return node;
    }

    private static String fill(String text, Function<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
