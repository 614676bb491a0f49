package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.InstrumentTextRequest;
import io.spinewise.plan.api.InstrumentTextView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.service.LicensedTexts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;

/**
 * The texts the clinic licensed for licence-required instruments (docs/outcomes.md, "A clinic's licensed text"):
 * clinic administrators enter, read, replace and remove them. The audit record names the instrument, never the text.
 */
@Path("/api/clinic/instruments/{code}/text")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class ClinicInstrumentResource {

    @Inject
    LicensedTexts licensed;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.INSTRUMENT_TEXT_READ)
    @Operation(operationId = "getClinicInstrumentText", summary = "The clinic's licensed text of an instrument",
            description = "Clinic administrators only. 404 when the clinic has no text of it in use (or the code is"
                    + " unknown); 409 for an instrument whose text ships with Spinewise.")
    public InstrumentTextView get(@PathParam("code") String code) {
        target(code);
        return licensed.get(caller.clinicId(), code)
                .orElseThrow(() -> ProblemException.notFound("The clinic has no text of this instrument in use."));
    }

    @PUT
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.INSTRUMENT_TEXT_PUT)
    @Operation(operationId = "putClinicInstrumentText", summary = "Enter or replace the clinic's licensed text",
            description = "Clinic administrators only, for an instrument the library defines as licence-required"
                    + " (NDI, RMDQ, ODI). Exactly one entry per item, each with exactly one label per answer value,"
                    + " plain text within the lengths given, and the licence attestation; otherwise a 400 naming the"
                    + " field (items[3].options). From then on the instrument can be assigned in this clinic only;"
                    + " answers are still checked and scored by the library's definition.")
    public InstrumentTextView put(@PathParam("code") String code,
                                  @NotNull(message = "a JSON body is required") @Valid InstrumentTextRequest request) {
        target(code);
        return recorder.change(200, () -> licensed.put(caller.clinicId(), caller.subject(), caller.displayName(), code,
                request));
    }

    @DELETE
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.INSTRUMENT_TEXT_REMOVE)
    @Operation(operationId = "deleteClinicInstrumentText", summary = "Remove the clinic's licensed text",
            description = "Clinic administrators only. The instrument can no longer be assigned in this clinic and"
                    + " its running assignments stop (from each patient's today); the text is kept, withdrawn, so"
                    + " the answers given with it stay readable with their words. 404 when none is in use.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("code") String code) {
        target(code);
        recorder.change(204, () -> licensed.remove(caller.clinicId(), code));
    }

    private void target(String code) {
        audit.target("instrument-text " + (code.length() > 16 ? code.substring(0, 16) : code).toUpperCase(Locale.ROOT));
    }
}
