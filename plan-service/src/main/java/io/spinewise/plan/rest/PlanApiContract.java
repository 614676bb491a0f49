package io.spinewise.plan.rest;

import io.spinewise.common.openapi.OpenApiContract;
import io.spinewise.common.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Set;

/**
 * plan-service's contract: {@link OpenApiContract}, and a 429 answer with {@code Retry-After} on every
 * operation a user's allowance can refuse ({@link RateLimitFilter}): each write, and the reads named
 * {@link Limited} (the exports), listed here by operation id (RateLimitsTest holds the list to the code).
 */
public class PlanApiContract extends OpenApiContract {

    static final Set<String> LIMITED_READS = Set.of("getAdherenceCsv", "getPatientPdf", "exportMyData",
            "getPatientFhir", "getMyFhir", "getFhirExport", "getOutcomesCsv", "getRtmCsv");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            path.getOperations().forEach((method, operation) -> {
                boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                        && method != PathItem.HttpMethod.OPTIONS;
                if (write) {
                    tooManyRequests(operation, "Over the caller's allowance of writes a minute (for an enrolment,"
                            + " also of enrolments an hour); retry after Retry-After seconds");
                } else if (LIMITED_READS.contains(operation.getOperationId())) {
                    tooManyRequests(operation, "Over the caller's allowance of exports an hour, or (for a CSV or"
                            + " PDF report, a bulk FHIR file) the clinic already runs its most reports at once; retry after Retry-After"
                            + " seconds");
                }
            });
        }
    }

    private static void tooManyRequests(Operation operation, String description) {
        operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))))
                .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
    }
}
