package io.spinewise.web.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One service's API contract: its OpenAPI document as committed in {@code docs/api/} (which the
 * service's own tests hold equal to what its code generates). It answers whether a request web-ui
 * sends, or an answer a stub gives in a service's place, is one the service declares. The
 * document is read with swagger-parser; bodies are checked against its schemas with networknt's
 * JSON Schema validator (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
public final class ServiceContract {

    public static final ServiceContract CATALOG = load("catalog-service");
    public static final ServiceContract PLAN = load("plan-service");

    private final String service;
    private final OpenAPI model;
    private final JsonNode document;
    private final String documentUri;
    private final SchemaRegistry schemas;
    private final List<Route> routes = new ArrayList<>();

    /** One operation of the document and the regular expression its path template matches. */
    public record Route(ServiceContract contract, String method, String template, Pattern pattern, Operation operation) {

        /** "GET /api/patients/{id}/adherence (getPatientAdherence)", for messages. */
        @Override
        public String toString() {
            return method + " " + template + " (" + operation.getOperationId() + " of " + contract.service + ")";
        }
    }

    private ServiceContract(String service, String yaml) throws IOException {
        this.service = service;
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (parsed.getOpenAPI() == null || parsed.getMessages() != null && !parsed.getMessages().isEmpty()) {
            throw new IllegalStateException(service + "'s OpenAPI document does not parse: " + parsed.getMessages());
        }
        this.model = parsed.getOpenAPI();
        this.document = new YAMLMapper().readTree(yaml);
        this.documentUri = "https://contracts.spinewise.test/" + service + ".openapi.json";
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(documentUri, document.toString())));
        model.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                routes.add(new Route(this, method.name(), template, pattern(template), operation))));
    }

    private static ServiceContract load(String service) {
        // tests run in web-ui/; the documents sit at the repository's root
        Path file = Path.of("..", "docs", "api", service + ".openapi.yaml");
        try {
            return new ServiceContract(service, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath().normalize(), e);
        }
    }

    /** {@code /api/patients/{id}.pdf} matches {@code /api/patients/} + one path segment + {@code .pdf}. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    public String service() {
        return service;
    }

    public OpenAPI model() {
        return model;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The operation for {@code method} on a concrete path of either service, if one declares it. */
    public static Optional<Route> route(String method, String path) {
        for (ServiceContract contract : List.of(CATALOG, PLAN)) {
            Optional<Route> found = contract.routes.stream()
                    .filter(r -> r.method().equalsIgnoreCase(method) && r.pattern().matcher(path).matches())
                    // a literal segment wins over a template ({slug} would also match "exercises")
                    .min((a, b) -> Long.compare(a.template().chars().filter(c -> c == '{').count(),
                            b.template().chars().filter(c -> c == '{').count()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The query parameters the operation declares. */
    public static Set<String> queryParameters(Route route) {
        List<Parameter> parameters = route.operation().getParameters();
        return parameters == null ? Set.of() : parameters.stream().filter(p -> "query".equals(p.getIn()))
                .map(Parameter::getName).collect(Collectors.toSet());
    }

    /**
     * What is wrong with a request to {@code route}: query parameters it does not declare, a
     * body it does not take or that breaks its schema. Empty when the request is in the contract.
     */
    public static List<String> requestProblems(Route route, Map<String, List<String>> query, String contentType,
                                               String body) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = queryParameters(route);
        query.keySet().stream().filter(name -> !declared.contains(name)).sorted().forEach(name ->
                problems.add("query parameter '" + name + "' is not declared by " + route + " (it declares "
                        + declared.stream().sorted().toList() + ")"));
        boolean hasBody = body != null && !body.isEmpty();
        RequestBody requestBody = route.operation().getRequestBody();
        if (hasBody && requestBody == null) {
            problems.add(route + " takes no request body, web-ui sent one: " + body);
        } else if (requestBody != null && hasBody) {
            String media = mediaType(contentType);
            String pointer = "/paths/" + escape(route.template()) + "/" + route.method().toLowerCase(Locale.ROOT)
                    + "/requestBody/content/" + escape(media) + "/schema";
            if (requestBody.getContent() == null || !requestBody.getContent().containsKey(media)) {
                problems.add(route + " does not take " + media + " (it takes "
                        + (requestBody.getContent() == null ? "nothing" : requestBody.getContent().keySet()) + ")");
            } else if (media.endsWith("json")) {
                // a multipart upload's parts are checked by the test that sends it; its schema describes form fields
                route.contract().validate(pointer, body).forEach(e -> problems.add("request body to " + route + ": " + e));
            }
        }
        return problems;
    }

    /**
     * What is wrong with an answer given in {@code route}'s place: a status the operation does
     * not declare, another media type, a body its schema refuses. An error status is checked
     * against the operation's {@code default} answer: a problem+json {@code Problem}.
     */
    public static List<String> answerProblems(Route route, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        Map<String, ApiResponse> answers = route.operation().getResponses();
        String code = Integer.toString(status);
        if (!answers.containsKey(code)) {
            if (status < 400 || !answers.containsKey("default")) {
                return List.of(route + " never answers " + status + " (it declares " + answers.keySet() + ")");
            }
            code = "default";
        }
        ApiResponse answer = answers.get(code);
        String media = mediaType(contentType);
        if (answer.getContent() == null || answer.getContent().isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(route + " answers " + status + " without a body; the stub sends one");
            }
            return problems;
        }
        String declared = answer.getContent().keySet().stream().filter(m -> mediaType(m).equals(media)).findFirst()
                .orElse(null);
        if (declared == null) {
            problems.add(route + " answers " + status + " as " + answer.getContent().keySet() + ", not " + contentType);
            return problems;
        }
        // one JSON document; NDJSON (a JSON value a line) is a text file to its schema (type: string)
        if (media.endsWith("json") && !media.endsWith("ndjson")) {
            String pointer = "/paths/" + escape(route.template()) + "/" + route.method().toLowerCase(Locale.ROOT)
                    + "/responses/" + code + "/content/" + escape(declared) + "/schema";
            route.contract().validate(pointer, body).forEach(e -> problems.add(status + " answer of " + route + ": " + e));
        }
        return problems;
    }

    /** The problems of {@code json} against the component schema {@code name}, e.g. "ExerciseView". */
    public List<String> componentProblems(String name, String json) {
        if (!document.path("components").path("schemas").has(name)) {
            return List.of(service + " has no schema " + name);
        }
        return validate("/components/schemas/" + escape(name), json);
    }

    /** Validates {@code json} against the schema at {@code pointer} of this document. */
    private List<String> validate(String pointer, String json) {
        JsonNode schema = document.at(pointer);
        if (schema.isMissingNode()) {
            throw new IllegalStateException(service + " has no schema at " + pointer);
        }
        if (json == null || json.isBlank()) {
            return List.of("no body where one is declared");
        }
        // the schema may be inline with references into the document: make them absolute
        String absolute = absoluteRefs(schema.deepCopy()).toString();
        List<Error> errors;
        try {
            errors = schemas.getSchema(absolute, InputFormat.JSON).validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private JsonNode absoluteRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                object.set("$ref", TextNode.valueOf(documentUri + ref.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                absoluteRefs(fields.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(this::absoluteRefs);
        }
        return node;
    }

    /** A component schema of the document, by name. */
    @SuppressWarnings("rawtypes")
    public Optional<Schema> component(String name) {
        return Optional.ofNullable(model.getComponents().getSchemas().get(name));
    }

    /** "application/json; charset=utf-8" → "application/json". */
    static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** A JSON pointer segment (RFC 6901). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
