package io.spinewise.testsupport.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.spinewise.testsupport.CommittedApiDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may call what, for every operation of a service's committed OpenAPI document: the expected
 * status of each operation for each {@link Identity}, kept as data in the test resources
 * ({@code access/<service>-matrix.csv}), and a valid request per operation
 * ({@code access/<service>-requests.json}: path and query values, headers and a body, with
 * {@code {placeholders}} the test fills with real fixture ids). An operation of the document
 * without a row, or a row or request naming an operation the document no longer has, is an
 * inconsistency the test fails on, so a new endpoint cannot ship without its row.
 */
public final class AccessMatrix {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern EXPECTATION = Pattern.compile("[1-5](\\d\\d|xx)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final String matrixResource;
    private final String requestsResource;
    private final List<ApiOperation> operations = new ArrayList<>();
    private final Map<String, Map<Identity, String>> expectations = new LinkedHashMap<>();
    private final Map<String, JsonNode> requests = new LinkedHashMap<>();
    private final List<String> inconsistencies = new ArrayList<>();

    private AccessMatrix(String service) {
        this.service = service;
        this.matrixResource = "access/" + service + "-matrix.csv";
        this.requestsResource = "access/" + service + "-requests.json";
    }

    /** The matrix of {@code service}: its committed document and its two data files from the classpath. */
    public static AccessMatrix load(String service) {
        AccessMatrix matrix = new AccessMatrix(service);
        matrix.readDocument();
        matrix.readExpectations();
        matrix.readRequests();
        matrix.check();
        return matrix;
    }

    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }

    /** Operations without a row, rows and requests for operations that do not exist, writes without a body. */
    public List<String> inconsistencies() {
        return List.copyOf(inconsistencies);
    }

    /** The expected status or status class, or null when the data has no row for the operation. */
    public String expected(ApiOperation operation, Identity identity) {
        Map<Identity, String> row = expectations.get(operation.id());
        return row == null ? null : row.get(identity);
    }

    /** Whether {@code status} is what {@code expected} says: an exact status or a class such as {@code 2xx}. */
    public static boolean matches(String expected, int status) {
        return expected.endsWith("xx") ? expected.charAt(0) == Integer.toString(status).charAt(0)
                : Integer.parseInt(expected) == status;
    }

    /**
     * Where this matrix disagrees with the role table for its operations: an operation in no row
     * or in two, a full "✓" whose same-clinic cell is not a 2xx, a "–" whose cell is not 403. The
     * owner patient's cell stands for the patient column.
     */
    public List<String> disagreementsWith(RoleTable table) {
        List<String> disagreements = new ArrayList<>();
        for (ApiOperation operation : operations) {
            List<RoleTable.Row> holding = table.rows().stream().filter(r -> r.operations().contains(operation.id())).toList();
            if (holding.size() != 1) {
                disagreements.add(operation.id() + " is in " + holding.size() + " rows of the role table, not one");
                continue;
            }
            RoleTable.Row row = holding.get(0);
            checkRole(disagreements, operation, row, "chiropractor", Identity.CHIROPRACTOR);
            checkRole(disagreements, operation, row, "clinic-admin", Identity.CLINIC_ADMIN);
            checkRole(disagreements, operation, row, "patient", Identity.OWNER);
        }
        return disagreements;
    }

    private void checkRole(List<String> disagreements, ApiOperation operation, RoleTable.Row row, String role,
                           Identity identity) {
        String cell = row.cell(role);
        String expected = expected(operation, identity);
        if (expected == null) {
            return;
        }
        if (RoleTable.YES.equals(cell) && !expected.startsWith("2")) {
            disagreements.add(operation.id() + ": the role table gives " + role + " '" + row.capability()
                    + "', the matrix expects " + expected);
        } else if (RoleTable.NO.equals(cell) && !"403".equals(expected)) {
            disagreements.add(operation.id() + ": the role table denies " + role + " '" + row.capability()
                    + "', the matrix expects " + expected + " instead of 403");
        }
    }

    /**
     * Sends every operation as every identity and compares the answers with the data. A refusal
     * must be a problem document, and a caller who is not the owner or of another clinic must not
     * find any of {@code mustNotSee}'s strings in a successful answer.
     */
    public Result run(Map<Identity, String> tokens, Placeholders values, Transport transport,
                      Map<Identity, List<String>> mustNotSee) {
        Result result = new Result();
        for (ApiOperation operation : operations) {
            if (!expectations.containsKey(operation.id())) {
                continue;
            }
            for (Identity identity : Identity.values()) {
                String expected = expected(operation, identity);
                Transport.Call call = call(operation, values.forOneRequest(), null);
                Transport.Answer answer = transport.send(call, tokens.get(identity));
                String cell = operation.id() + " as " + identity.column() + " (" + call.method() + " " + call.path() + ")";
                boolean ok = matches(expected, answer.status());
                if (!ok) {
                    result.failures.add(cell + ": expected " + expected + ", got " + answer.status() + " " + excerpt(answer.body()));
                } else if (answer.status() >= 400 && !answer.isProblem()) {
                    ok = false;
                    result.failures.add(cell + ": the " + answer.status() + " is not application/problem+json but '"
                            + answer.contentType() + "'");
                } else if (answer.status() < 300) {
                    for (String secret : mustNotSee.getOrDefault(identity, List.of())) {
                        if (answer.body() != null && answer.body().contains(secret)) {
                            ok = false;
                            result.failures.add(cell + ": answered " + answer.status() + " with '" + secret
                                    + "', which this caller must not see");
                        }
                    }
                }
                result.cells.computeIfAbsent(operation.id(), k -> new LinkedHashMap<>())
                        .put(identity, ok ? Integer.toString(answer.status()) : expected + "≠" + answer.status());
            }
        }
        return result;
    }

    /**
     * Mass assignment: every write with a body is sent again by an identity the data lets write,
     * each time with one field the request does not declare (at the top and in the first nested
     * object) set to another clinic, another owner, a role, an id or a date. The answer must be a
     * 400 problem naming that field, or a success whose answer (and the entry its Location names,
     * read back) does not carry the injected value.
     */
    public Result massAssignment(Map<Identity, String> tokens, Placeholders values, Transport transport) {
        Result result = new Result();
        for (ApiOperation operation : operations) {
            if (!operation.takesBody() || !expectations.containsKey(operation.id())) {
                continue;
            }
            Identity writer = Arrays.stream(new Identity[] {Identity.OWNER, Identity.CHIROPRACTOR, Identity.CLINIC_ADMIN})
                    .filter(i -> expected(operation, i).startsWith("2")).findFirst().orElse(null);
            if (writer == null) {
                result.failures.add(operation.id() + ": no identity of the same clinic may call it, so mass assignment"
                        + " cannot be tried");
                continue;
            }
            for (Map.Entry<String, JsonNode> field : InjectedFields.VALUES.entrySet()) {
                for (boolean nested : new boolean[] {false, true}) {
                    Function<String, String> oneRequest = values.forOneRequest();
                    JsonNode body = filledBody(operation, oneRequest);
                    String where = inject(operation, body, field.getKey(), field.getValue(), nested);
                    if (where == null) {
                        continue;
                    }
                    Transport.Call call = call(operation, oneRequest, body.toString());
                    Transport.Answer answer = transport.send(call, tokens.get(writer));
                    String cell = operation.id() + " with " + where + " as " + writer.column();
                    String outcome = judge(cell, field, answer, transport, tokens.get(writer), result.failures);
                    result.massAssignmentCells.add(cell + " → " + outcome);
                }
            }
        }
        return result;
    }

    private static String judge(String cell, Map.Entry<String, JsonNode> field, Transport.Answer answer,
                                Transport transport, String token, List<String> failures) {
        if (answer.status() == 400) {
            if (!answer.isProblem() || answer.body() == null || !answer.body().contains(field.getKey())) {
                failures.add(cell + ": 400 without a problem naming " + field.getKey() + ": " + excerpt(answer.body()));
                return "400 unnamed";
            }
            return "400 named";
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            String marker = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
            List<String> seen = new ArrayList<>();
            seen.add(answer.body());
            if (answer.location() != null) {
                String path = answer.location().replaceFirst("^https?://[^/]+", "");
                seen.add(transport.send(new Transport.Call(null, "GET", path, Map.of(), null), token).body());
            }
            if (seen.stream().anyMatch(text -> text != null && text.contains(marker))) {
                failures.add(cell + ": accepted and obeyed: the stored entry carries " + marker);
                return "obeyed";
            }
            return "ignored";
        }
        failures.add(cell + ": expected 400 naming the field or an answer that ignores it, got " + answer.status() + " "
                + excerpt(answer.body()));
        return Integer.toString(answer.status());
    }

    /** Puts the field at the top or into the first nested object; null when the request declares it there. */
    private static String inject(ApiOperation operation, JsonNode body, String field, JsonNode value, boolean nested) {
        if (!(body instanceof ObjectNode top)) {
            return null;
        }
        if (!nested) {
            if (operation.bodyProperties().contains(field)) {
                return null;
            }
            top.set(field, value);
            return field;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = top.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode inner = property.getValue();
            String path = property.getKey();
            if (inner.isArray() && !inner.isEmpty() && inner.get(0).isObject()) {
                inner = inner.get(0);
                path += "[0]";
            }
            if (inner instanceof ObjectNode object) {
                if (operation.nestedProperties().getOrDefault(property.getKey(), Set.of()).contains(field)) {
                    return null;
                }
                object.set(field, value);
                return path + "." + field;
            }
        }
        return null;
    }

    /** The concrete request of one cell; {@code body} replaces the data's body when given. */
    private Transport.Call call(ApiOperation operation, Function<String, String> values, String body) {
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
        if (body == null && request.has("body")) {
            body = filledBody(operation, values).toString();
        }
        return new Transport.Call(operation, operation.method(), path, headers, body);
    }

    private JsonNode filledBody(ApiOperation operation, Function<String, String> values) {
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

    private void readDocument() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        String yaml;
        try {
            yaml = Files.readString(CommittedApiDocument.file(service), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        OpenAPI model = parsed.getOpenAPI();
        if (model == null) {
            throw new IllegalStateException(service + "'s OpenAPI document does not parse: " + parsed.getMessages());
        }
        model.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<String> pathParameters = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                    .filter(p -> "path".equals(p.getIn())).map(Parameter::getName).toList();
            Schema<?> bodySchema = bodySchema(model, operation);
            Map<String, Set<String>> nested = new LinkedHashMap<>();
            Map<String, Schema> properties = bodySchema == null || bodySchema.getProperties() == null ? Map.of()
                    : bodySchema.getProperties();
            properties.forEach((name, schema) -> nested.put(name, propertyNames(model, schema)));
            operations.add(new ApiOperation(operation.getOperationId(), method.name(), template, pathParameters,
                    operation.getRequestBody() != null, new LinkedHashSet<>(properties.keySet()), nested));
        }));
    }

    private static Schema<?> bodySchema(OpenAPI model, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType media = operation.getRequestBody().getContent().values().iterator().next();
        return media.getSchema() == null ? null : resolve(model, media.getSchema());
    }

    /** The names an object schema declares, through a $ref and an array's items. */
    private static Set<String> propertyNames(OpenAPI model, Schema<?> schema) {
        Schema<?> resolved = resolve(model, schema);
        if (resolved.getItems() != null) {
            resolved = resolve(model, resolved.getItems());
        }
        return resolved.getProperties() == null ? Set.of() : resolved.getProperties().keySet();
    }

    private static Schema<?> resolve(OpenAPI model, Schema<?> schema) {
        Schema<?> current = schema;
        for (int depth = 0; current != null && current.get$ref() != null && depth < 10; depth++) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            current = model.getComponents().getSchemas().get(name);
        }
        if (current != null && current.getAllOf() != null && current.getProperties() == null) {
            for (Schema<?> part : current.getAllOf()) {
                Schema<?> r = resolve(model, part);
                if (r != null && r.getProperties() != null) {
                    return r;
                }
            }
        }
        return current;
    }

    private void readExpectations() {
        String text = resource(matrixResource);
        List<String> header = null;
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(content.split(",", -1)).map(String::strip).toList();
            if (header == null) {
                header = cells;
                List<String> wanted = new ArrayList<>(List.of("operation"));
                Arrays.stream(Identity.values()).map(Identity::column).forEach(wanted::add);
                if (!header.equals(wanted)) {
                    throw new IllegalStateException(matrixResource + ": the header must be " + String.join(",", wanted));
                }
                continue;
            }
            if (cells.size() != header.size()) {
                inconsistencies.add(matrixResource + " line " + lineNumber + " has " + cells.size() + " cells, not "
                        + header.size());
                continue;
            }
            Map<Identity, String> row = new LinkedHashMap<>();
            for (Identity identity : Identity.values()) {
                String cell = cells.get(identity.ordinal() + 1);
                if (!EXPECTATION.matcher(cell).matches()) {
                    inconsistencies.add(matrixResource + " line " + lineNumber + ": '" + cell + "' is not a status or a"
                            + " status class such as 2xx");
                }
                row.put(identity, cell);
            }
            if (expectations.put(cells.get(0), row) != null) {
                inconsistencies.add(matrixResource + " line " + lineNumber + ": a second row for " + cells.get(0));
            }
        }
    }

    private void readRequests() {
        try {
            JsonNode root = JSON.readTree(resource(requestsResource));
            root.fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("//")) {
                    requests.put(e.getKey(), e.getValue());
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(requestsResource + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private void check() {
        Set<String> known = operations.stream().map(ApiOperation::id).collect(Collectors.toSet());
        for (ApiOperation operation : operations) {
            if (!expectations.containsKey(operation.id())) {
                inconsistencies.add(operation.id() + " (" + operation.route() + ") has no row in " + matrixResource);
            }
            JsonNode request = requests.get(operation.id());
            if (operation.takesBody() && (request == null || !request.has("body"))) {
                inconsistencies.add(operation.id() + " takes a body: give a valid one in " + requestsResource
                        + ", so that a 2xx there means the caller was allowed");
            }
            for (String name : operation.pathParameters()) {
                if (request == null || !request.path("path").hasNonNull(name)) {
                    inconsistencies.add(operation.id() + " needs a value for its path parameter {" + name + "} in "
                            + requestsResource);
                }
            }
        }
        expectations.keySet().stream().filter(id -> !known.contains(id)).forEach(id -> inconsistencies.add(
                matrixResource + " has a row for " + id + ", which " + service + "'s OpenAPI document no longer has"));
        requests.keySet().stream().filter(id -> !known.contains(id)).forEach(id -> inconsistencies.add(
                requestsResource + " has a request for " + id + ", which " + service + "'s OpenAPI document no longer has"));
    }

    private static String resource(String name) {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** The answers of one run: a printable table and what did not match. */
    public final class Result {

        private final Map<String, Map<Identity, String>> cells = new LinkedHashMap<>();
        private final List<String> massAssignmentCells = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** Operation × identity, the status each got ("expected≠actual" where it differed). */
        public String table() {
            StringBuilder out = new StringBuilder();
            int first = operations.stream().mapToInt(o -> o.id().length()).max().orElse(10);
            out.append(String.format("%-" + first + "s", "operation"));
            for (Identity identity : Identity.values()) {
                out.append(" | ").append(identity.column());
            }
            out.append('\n');
            for (ApiOperation operation : operations) {
                Map<Identity, String> row = cells.get(operation.id());
                if (row == null) {
                    continue;
                }
                out.append(String.format("%-" + first + "s", operation.id()));
                for (Identity identity : Identity.values()) {
                    out.append(" | ").append(String.format("%-" + identity.column().length() + "s",
                            row.getOrDefault(identity, "")));
                }
                out.append('\n');
            }
            return out.toString();
        }

        /** One line per mass-assignment request and its outcome. */
        public String massAssignmentLines() {
            return String.join("\n", massAssignmentCells);
        }
    }
}
