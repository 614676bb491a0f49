package io.spinewise.plan.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.audit.AuditedStream;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.fhir.FhirExport;
import io.spinewise.plan.fhir.FhirType;
import io.spinewise.plan.report.ExportSlots;
import io.spinewise.plan.service.RateLimiter;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The clinic's bulk FHIR export, in the shape of FHIR Bulk Data's output (one NDJSON file per resource type,
 * references relative between them) but answered at once and streamed, without Bulk Data's asynchronous
 * kick-off ({@code $export} → 202 → polling a status URL → a manifest of file URLs): each file is one GET.
 * The per-patient Bundles are on {@code /api/patients/{id}/fhir} and {@code /api/me/fhir}.
 */
@Path("/api/fhir")
@Tag(name = "FHIR")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class FhirResource {

    /** What a patient's Bundle holds (the OpenAPI description of both Bundle operations). */
    static final String BUNDLE = "A Bundle of type collection: the Patient (the clinic's id for them and their name),"
            + " each plan as a CarePlan (its current exercises, dosage in words, schedule as a Timing), each check-off"
            + " as a Procedure (performed time, basedOn its CarePlan), each pain rating as an Observation (LOINC"
            + " 72514-3), each questionnaire answered as a QuestionnaireResponse of its instrument's Questionnaire"
            + " and its score as an Observation derivedFrom it. Entries are urn:uuid full URLs; every reference resolves inside the Bundle. docs/fhir.md"
            + " has the mapping.";

    @Inject
    FhirExport export;

    @Inject
    Caller caller;

    @Inject
    AuditRecorder recorder;

    @Inject
    AuditContext audit;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ExportSlots slots;

    @Inject
    RoutingContext exchange;

    @GET
    @Path("/export/{type}.ndjson")
    @Produces(FhirExport.FHIR_NDJSON)
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.FHIR_BULK)
    @Limited(RateLimiter.Limit.EXPORTS)
    @Operation(operationId = "getFhirExport",
            summary = "All the clinic's FHIR R4 resources of one type, one a line (NDJSON, streamed)",
            description = "type is Patient, CarePlan, Procedure, Observation (pain ratings and questionnaire"
                    + " scores), Questionnaire or QuestionnaireResponse; references between the files are"
                    + " relative (Patient/{id}). As FHIR Bulk Data's output files, but answered at once, without its"
                    + " asynchronous kick-off. Clinic administrators only.")
    @APIResponse(responseCode = "200", description = "The resources, one JSON object a line",
            content = @Content(mediaType = FhirExport.FHIR_NDJSON, schema = @Schema(type = SchemaType.STRING)),
            headers = {
                    @Header(name = "Content-Disposition", description = "The file name",
                            schema = @Schema(type = SchemaType.STRING))})
    public Response bulk(@Parameter(description = "The resource type, e.g. CarePlan") @PathParam("type") String name) {
        List<FhirType> types = export.types(name);
        if (types.isEmpty()) {
            throw ProblemException.notFound("No FHIR export of type " + name + "; there are "
                    + String.join(", ", export.names()) + ".");
        }
        String clinic = caller.clinicId();
        String target = "FHIR " + name + ".ndjson";
        SecurityIdentity identity = identities.getIdentity();
        slots.holdUntilAnswered(clinic, exchange);
        // on record before a byte leaves, as the adherence CSV: an export the audit log cannot hold is not sent
        try {
            recorder.write(identity, null, AuditAction.FHIR_BULK, 200, target + ", started");
        } catch (AuditRecorder.AuditUnavailable e) {
            audit.recorded();
            throw AuditRecorder.AuditUnavailable.problem();
        }
        audit.recorded();
        AuditedStream body = new AuditedStream(output -> export.ndjson(output, clinic, types),
                (status, detail) -> recorder.record(identity, null, AuditAction.FHIR_BULK, status,
                        target + ", " + detail));
        return Response.ok(body, FhirExport.FHIR_NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".ndjson\"")
                .build();
    }

    /** A patient's Bundle as a download. */
    static Response bundle(byte[] bundle, Patient patient) {
        return Response.ok(bundle, FhirExport.FHIR_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"patient-" + patient.id
                        + "-fhir.json\"")
                .build();
    }
}
