package io.spinewise.common.openapi;

import io.spinewise.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes a service's generated OpenAPI document say what the service really sends and accepts,
 * so that clients (and web-ui's contract tests) can hold stubs and requests to it:
 * <ul>
 * <li>every operation answers errors as an RFC 9457 {@code Problem} ({@code default} response);</li>
 * <li>a schema that only answers (a view record) has every property required: Jackson writes each
 *     record component, null or not; the components that may be null say so with
 *     {@code @Schema(nullable = true)};</li>
 * <li>a schema that a request body uses (alone or also in answers) keeps the required properties
 *     its Bean Validation gives, and its optional properties may be null: the service reads an
 *     explicit null as "not given".</li>
 * </ul>
 * A schema that lists its required properties itself (such as {@code Problem}, which leaves
 * empty ones out) keeps that list. Registered with {@code mp.openapi.filter} in each service.
 */
public class OpenApiContract implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        if (openAPI.getPaths() == null || schemas == null) {
            return;
        }
        Set<String> inRequests = new HashSet<>();
        Set<String> inAnswers = new HashSet<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                addProblemAnswer(operation);
                RequestBody body = operation.getRequestBody();
                if (body != null) {
                    schemasOf(body.getContent()).forEach(s -> collect(s, schemas, inRequests));
                }
                if (operation.getResponses() != null) {
                    for (APIResponse answer : operation.getResponses().getAPIResponses().values()) {
                        schemasOf(answer.getContent()).forEach(s -> collect(s, schemas, inAnswers));
                    }
                }
            }
        }
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
                return;
            }
            if (inRequests.contains(name)) {
                schema.getProperties().forEach((property, value) -> {
                    if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
                        allowNull(value);
                    }
                });
            } else if (inAnswers.contains(name) && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        });
    }

    /** Every error of every operation is a problem+json body, whatever its status. */
    private static void addProblemAnswer(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("default") != null) {
            return;
        }
        operation.getResponses().addAPIResponse("default", OASFactory.createAPIResponse()
                .description("An error, as an RFC 9457 problem detail")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    private static List<Schema> schemasOf(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(Objects::nonNull).toList();
    }

    /** The names of the component schemas {@code schema} refers to, directly or through others. */
    private static void collect(Schema schema, Map<String, Schema> components, Set<String> names) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(SCHEMA_PREFIX)) {
            String name = ref.substring(SCHEMA_PREFIX.length());
            if (names.add(name)) {
                collect(components.get(name), components, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> collect(s, components, names));
        }
        collect(schema.getItems(), components, names);
        collect(schema.getAdditionalPropertiesSchema(), components, names);
        Stream.of(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf()).filter(Objects::nonNull)
                .flatMap(List::stream).forEach(s -> collect(s, components, names));
    }

    /** Lets a property be null as well, the way SmallRye writes {@code @Schema(nullable = true)}. */
    private static void allowNull(Schema property) {
        if (property.getRef() != null) {
            Schema referenced = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setAnyOf(List.of(referenced, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
        } else if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }
}
