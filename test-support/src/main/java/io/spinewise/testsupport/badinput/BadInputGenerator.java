package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spinewise.testsupport.badinput.BodyText.compact;
import static io.spinewise.testsupport.badinput.BodyText.fieldName;
import static io.spinewise.testsupport.badinput.BodyText.orderedMap;
import static io.spinewise.testsupport.badinput.BodyText.spoil;
import static io.spinewise.testsupport.badinput.SchemaDocument.type;

/**
 * Writes the generated part of a service's bad-input corpus from its OpenAPI document: for
 * every operation, every path parameter, query parameter and body field is given values that
 * the document (its types, formats, bounds, patterns and required lists) says are wrong, one at
 * a time, plus the whole-body and transport mistakes every operation with a body must refuse.
 * The output is committed ({@code bad-input/generated.json}) so the corpus can be reviewed; a
 * service test fails when it falls behind the document, and {@code -Dspinewise.badinput.refresh}
 * writes it anew.
 */
public final class BadInputGenerator {

    public static final String REFRESH = "spinewise.badinput.refresh";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String HUGE = "{{repeat:1048576:x}}";

    private final SchemaDocument schemas;
    private final GeneratorSettings settings;
    private final List<BadInputCase> cases = new ArrayList<>();

    private BadInputGenerator(JsonNode document, GeneratorSettings settings) {
        this.schemas = new SchemaDocument(document);
        this.settings = settings;
    }

    /** The generated cases for the OpenAPI {@code document} of a service. */
    public static List<BadInputCase> generate(JsonNode document, GeneratorSettings settings) {
        BadInputGenerator generator = new BadInputGenerator(document, settings);
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                generator.operation(path.getKey(), op.getKey().toUpperCase(), op.getValue(), path.getValue());
            }
        }));
        return generator.cases;
    }

    /**
     * Fails unless {@code src/test/resources/bad-input/generated.json} is what the service's
     * committed OpenAPI document and {@code bad-input/generator.json} give (or, with
     * {@value #REFRESH}, writes it). Run from the service module's directory.
     */
    public static void assertCommitted(String service) {
        try {
            JsonNode document = new YAMLMapper().readTree(Path.of("..", "docs", "api", service + ".openapi.yaml").toFile());
            Path folder = BadInputCorpus.FOLDER;
            GeneratorSettings settings = BadInputCorpus.JSON.readValue(folder.resolve("generator.json").toFile(), GeneratorSettings.class);
            // one case a line: a change to the document shows as the cases it adds, drops or changes
            List<String> lines = new ArrayList<>();
            for (BadInputCase c : generate(document, settings)) {
                lines.add(BadInputCorpus.JSON.writeValueAsString(c));
            }
            String generated = "[\n" + String.join(",\n", lines) + "\n]\n";
            Path file = folder.resolve("generated.json");
            if (System.getProperty(REFRESH) != null && !"false".equals(System.getProperty(REFRESH))) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(generated)) {
                throw new AssertionError(file + " is not what docs/api/" + service + ".openapi.yaml gives; write it anew with "
                        + "./mvnw -pl " + service + " -am test -Dtest=BadInputCorpusTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                        + REFRESH + " and review the difference");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every case of one operation shares. */
    private record Operation(String id, String as, String method, String target, Map<String, String> headers,
                             String path, Map<String, String> query) {
    }

    /** The operation's path with its needed query, {@code name} set to {@code value} (added when it has none). */
    private static String withQuery(Operation o, String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(o.query);
        if (name != null) {
            query.put(name, value);
        }
        StringBuilder target = new StringBuilder(o.path);
        query.forEach((n, v) -> target.append(target.indexOf("?") < 0 ? '?' : '&').append(n).append('=').append(v));
        return target.toString();
    }

    private void operation(String path, String method, JsonNode op, JsonNode pathItem) {
        String id = op.path("operationId").asText();
        String tag = op.path("tags").path(0).asText();
        String as = settings.identities().getOrDefault(id, settings.identities().getOrDefault(tag, settings.identities().get("default")));
        Map<String, String> headers = settings.headers().getOrDefault(id, Map.of());
        String target = path;
        Map<String, GeneratorSettings.PathId> pathParams = new LinkedHashMap<>();
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("path")) {
                String placeholder = "{" + p.path("name").asText() + "}";
                String upTo = path.substring(0, path.indexOf(placeholder) + placeholder.length());
                GeneratorSettings.PathId fixture = settings.pathIds().get(upTo);
                if (fixture == null) {
                    throw new IllegalStateException("generator.json names no fixture for " + upTo);
                }
                pathParams.put(placeholder, fixture);
                target = target.replace(placeholder, "${" + fixture.variable() + "}");
            }
        }
        Map<String, String> query = settings.queries().getOrDefault(id, Map.of());
        Operation o = new Operation(id, as, method, withQuery(new Operation(id, as, method, target, headers, target, query), null, null),
                headers, target, query);
        JsonNode body = settings.bodies().get(id);
        pathParams.forEach((placeholder, fixture) -> pathCases(o, placeholder, fixture, body));
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("query")) {
                queryCases(o, p.path("name").asText(), schemas.resolve(p.path("schema")), body);
            }
        }
        if (op.has("requestBody")) {
            if (body == null) {
                throw new IllegalStateException("generator.json has no valid body for " + id);
            }
            JsonNode json = op.path("requestBody").path("content").path("application/json");
            if (json.isMissingNode()) {
                uploadCases(o);
            } else {
                bodyCases(o, schemas.resolve(json.path("schema")), body);
            }
        } else if (method.equals("GET")) {
            add(o, "media type", "Accept: application/xml only", o.target, Map.of("Accept", "application/xml"), null, List.of(406), "media type");
        }
        String other = METHODS.stream().sorted().filter(m -> !pathItem.has(m)).findFirst().orElse(null);
        if (other != null && method.equals(firstMethod(pathItem))) {
            BadInputCase wrong = new BadInputCase("method " + other.toUpperCase() + " is not one of this path's", "wrong method", id, as,
                    other.toUpperCase(), target, headers, bodyText(body), List.of(405), "method", null);
            cases.add(wrong);
        }
    }

    private static String firstMethod(JsonNode pathItem) {
        Iterator<String> names = pathItem.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (METHODS.contains(name)) {
                return name.toUpperCase();
            }
        }
        return null;
    }

    /** A body of generator.json as sent: JSON compacted, or a JSON string's text as it is (a multipart form, say). */
    private static String bodyText(JsonNode body) {
        return body == null ? null : body.isTextual() ? body.asText() : compact(body);
    }

    /**
     * A multipart upload (its request body has no JSON schema): the JSON cases do not apply; instead the form
     * sent as JSON, without its file, with a file that is text, and cut short. Its valid form in generator.json
     * is a JSON string with its Content-Type in "headers" (binary files cannot be written there; none is needed:
     * every case here is refused before a file would be stored).
     */
    private void uploadCases(Operation o) {
        String boundary = "bad-input-boundary";
        Map<String, String> form = with(o.headers, "Content-Type", "multipart/form-data; boundary=" + boundary);
        String alt = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nA person stands\r\n";
        String end = "--" + boundary + "--\r\n";
        add(o, "wrong content type", "JSON instead of the form", o.target, with(o.headers, "Content-Type", "application/json"),
                "{\"alt\":\"A person stands\"}", List.of(415), "multipart");
        add(o, "upload", "a form without its file", o.target, form, alt + end, List.of(400), "file");
        add(o, "upload", "a text file sent as a picture", o.target, form, alt + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\nhello\r\n"
                + end, List.of(415), "JPEG");
        add(o, "upload", "an SVG with a script sent as an SVG", o.target, form, alt + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\r\n" + end, List.of(415), "JPEG");
        add(o, "upload", "a form cut short (no closing boundary)", o.target, form, alt + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.png\"\r\nContent-Type: image/png\r\n\r\nhel",
                List.of(400), "file");
    }

    private void pathCases(Operation o, String placeholder, GeneratorSettings.PathId fixture, JsonNode body) {
        String bodyText = bodyText(body);
        String at = "${" + fixture.variable() + "}";
        Map<String, String> notFound = orderedMap(
                "not an id", "not-an-id",
                "negative number", "-1",
                "very long (1000 characters)", "{{repeat:1000:7}}",
                "emoji", "%F0%9F%A6%B4",
                "encoded slash", "a%2Fb",
                "SQL", "'%20OR%20'1'='1");
        notFound.forEach((what, value) -> add(o, "path id", placeholder + " " + what, o.target.replace(at, value), o.headers, bodyText,
                List.of(404), fixture.noun()));
        Map<String, String> malformed = orderedMap(
                "NUL", "a%00b",
                "control character", "a%07b",
                "invalid UTF-8 (an encoded lone surrogate)", "a%ED%A0%80b",
                "RTL override", "a%E2%80%AEb",
                "malformed percent-encoding", "a%zzb",
                "truncated percent-encoding", "a%E2%80");
        malformed.forEach((what, value) -> add(o, "path encoding", placeholder + " " + what, o.target.replace(at, value), o.headers, bodyText,
                List.of(400), "path"));
    }

    private void queryCases(Operation o, String name, JsonNode schema, JsonNode body) {
        String bodyText = bodyText(body);
        String format = settings.formats().getOrDefault(name, schema.path("format").asText(""));
        if (type(schema).equals("array")) {
            schema = schemas.resolve(schema.path("items"));
        }
        WrongValues.forQuery(schema, type(schema), format).forEach((what, value) -> add(o, "query " + kindOf(what),
                "query " + name + ": " + what, withQuery(o, name, value), o.headers, bodyText, List.of(400), name));
    }

    private void bodyCases(Operation o, JsonNode schema, JsonNode body) {
        String valid = compact(body);
        add(o, "malformed JSON", "body cut short", o.target, o.headers, valid.substring(0, valid.length() - 1), List.of(400), "JSON");
        add(o, "malformed JSON", "trailing garbage after the body", o.target, o.headers, valid + " }", List.of(400), "JSON");
        add(o, "malformed JSON", "single quotes", o.target, o.headers, valid.replace('"', '\''), List.of(400), "JSON");
        add(o, "wrong body shape", "an empty body", o.target, o.headers, "", List.of(400), "body");
        add(o, "wrong body shape", "JSON null", o.target, o.headers, "null", List.of(400), "body");
        add(o, "wrong body shape", "a JSON array", o.target, o.headers, "[" + valid + "]", List.of(400), "object");
        add(o, "wrong body shape", "a JSON string", o.target, o.headers, "\"text\"", List.of(400), "object");
        // a typed body refuses deep nesting at its first wrong token, long before Jackson's depth limit
        add(o, "deep nesting", "10,000 nested arrays", o.target, o.headers, "{{repeat:10000:[}}", List.of(400), "object");
        add(o, "deep nesting", "2,000 nested objects", o.target, o.headers, "{{repeat:2000:{\"nested\":}}1", List.of(400), "nest");
        add(o, "oversized body", "a body over the 64 KiB limit", o.target, o.headers,
                valid.substring(0, valid.length() - 1) + ",\"padding\":\"{{repeat:70000:x}}\"}", List.of(413), "KiB");
        add(o, "wrong content type", "text/plain", o.target, with(o.headers, "Content-Type", "text/plain"), valid, List.of(415), "application/json");
        add(o, "wrong content type", "form-encoded", o.target, with(o.headers, "Content-Type", "application/x-www-form-urlencoded"), valid,
                List.of(415), "application/json");
        add(o, "wrong content type", "no Content-Type", o.target, with(o.headers, "Content-Type", ""), valid, List.of(415), "application/json");
        add(o, "wrong content type", "JSON with a charset it is not in", o.target,
                with(o.headers, "Content-Type", "application/json; charset=utf-16"), valid, List.of(415), "UTF-8");
        String firstName = body.fieldNames().hasNext() ? body.fieldNames().next() : null;
        if (firstName != null) {
            add(o, "malformed JSON", "invalid UTF-8 bytes in " + firstName, o.target, o.headers,
                    spoil(body, List.of(firstName), "\"{{hex:C3 28 ED A0 80 FF}}\""), List.of(400), "UTF-8");
            add(o, "duplicate key", "the field " + firstName + " twice", o.target, o.headers,
                    valid.substring(0, valid.length() - 1) + ",\"" + firstName + "\":" + compact(body.get(firstName)) + "}", List.of(400), firstName);
        }
        add(o, "unknown field", "a field the schema does not have", o.target, o.headers,
                valid.substring(0, valid.length() - 1) + ",\"clinicId\":\"south\"}", List.of(400), "clinicId");
        walk(o, schema, body, body, new ArrayList<>(), true);
    }

    /** Spoils {@code node} (at {@code path} of {@code body}) and then, where it exists, each of its parts. */
    private void walk(Operation o, JsonNode schema, JsonNode body, JsonNode node, List<Object> path, boolean required) {
        schema = schemas.resolve(schema);
        String type = type(schema);
        if (!path.isEmpty()) {
            fieldCases(o, schema, type, body, node, path, required);
        }
        if (type.equals("object") && node != null && node.isObject()) {
            Set<String> requiredNames = new HashSet<>();
            schema.path("required").forEach(n -> requiredNames.add(n.asText()));
            schema.path("properties").fields().forEachRemaining(p -> {
                List<Object> at = new ArrayList<>(path);
                at.add(p.getKey());
                walk(o, p.getValue(), body, node.get(p.getKey()), at, requiredNames.contains(p.getKey()));
            });
        } else if (type.equals("array") && node != null && node.isArray() && !node.isEmpty()) {
            List<Object> at = new ArrayList<>(path);
            // a set's elements have no index: a problem names the set
            at.add(schema.path("uniqueItems").asBoolean() ? -1 : 0);
            walk(o, schema.path("items"), body, node.get(0), at, true);
        }
    }

    private void fieldCases(Operation o, JsonNode schema, String type, JsonNode body, JsonNode node, List<Object> path, boolean required) {
        String field = fieldName(path);
        String name = path.get(path.size() - 1) instanceof String s ? s : "";
        String format = settings.formats().getOrDefault(name, schema.path("format").asText(""));
        Map<String, String> values = WrongValues.forField(schema, type, format, node, required);
        values.forEach((what, value) -> add(o, "field " + kindOf(what), "body " + field + ": " + what, o.target, o.headers,
                spoil(body, path, value), List.of(400), field));
        if (required && node != null && !name.isEmpty()) {
            add(o, "field missing", "body " + field + ": left out", o.target, o.headers, spoil(body, path, null), List.of(400), field);
        }
        if (type.equals("string") && !schema.has("enum") && format.isEmpty()) {
            add(o, "1 MB string", "body " + field + ": 1 MB", o.target, o.headers, spoil(body, path, "\"" + HUGE + "\""), List.of(413), "KiB");
        }
    }

    /** The family of a value's description, for the summary: "below its minimum" rather than each field's. */
    private static String kindOf(String what) {
        return what.replaceAll(" \\(against its pattern\\)", "").replaceAll("impossible date .*", "impossible date");
    }

    private void add(Operation o, String kind, String name, String target, Map<String, String> headers, String body,
                     List<Integer> status, String names) {
        cases.add(new BadInputCase(name, kind, o.id, o.as, o.method, target, headers, body, status, names, null));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }
}
