package io.spinewise.testsupport.access;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of a service's committed OpenAPI document, with the body fields mass assignment must not repeat. */
final class DocumentOperations {

    private DocumentOperations() {
    }

    static List<ApiOperation> read(String service) {
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
        List<ApiOperation> operations = new ArrayList<>();
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
        return operations;
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
}
