package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.InstrumentView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.Audited;
import io.spinewise.common.security.Caller;
import io.spinewise.plan.service.LicensedTexts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The outcome questionnaires Spinewise knows, with their scoring, MCID and licence (docs/outcomes.md). */
@Path("/api/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class InstrumentResource {

    @Inject
    LicensedTexts licensed;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.INSTRUMENT_LIST)
    @Operation(operationId = "listInstruments", summary = "The instrument library",
            description = "Every instrument with its items, scoring rule, range, direction, MCID with its source and"
                    + " licence, as the caller's clinic sees it. An instrument whose licence does not let Spinewise"
                    + " ship its texts is listed with its definition only (texts null, assignable false, the reason"
                    + " in notAssignableReason) until the clinic enters its licensed text; then with that text and"
                    + " assignable in this clinic (textSource CLINIC). Staff only.")
    public List<InstrumentView> list() {
        return licensed.library(caller.clinicId());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.INSTRUMENT_READ)
    @Operation(operationId = "getInstrument", summary = "One instrument of the library",
            description = "By code (NPRS, PSFS, NDI, RMDQ, ODI; any letter case), as the caller's clinic sees it;"
                    + " an unknown code is a 404.")
    public InstrumentView get(@PathParam("code") String code) {
        return licensed.one(caller.clinicId(), code)
                .orElseThrow(() -> ProblemException.notFound("No instrument of this code in the library."));
    }
}
