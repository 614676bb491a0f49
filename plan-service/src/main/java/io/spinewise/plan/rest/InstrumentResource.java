package io.spinewise.plan.rest;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.InstrumentView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.outcomes.Instruments;
import jakarta.annotation.security.RolesAllowed;
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

    @GET
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.INSTRUMENT_LIST)
    @Operation(operationId = "listInstruments", summary = "The instrument library",
            description = "Every instrument with its items, scoring rule, range, direction, MCID with its source and"
                    + " licence. Instruments whose licence does not let Spinewise ship their texts are listed with"
                    + " their definition only (texts null, assignable false). Staff only.")
    public List<InstrumentView> list() {
        return Instruments.all().stream().map(i -> InstrumentView.of(i.definition())).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.INSTRUMENT_READ)
    @Operation(operationId = "getInstrument", summary = "One instrument of the library",
            description = "By code (NPRS, PSFS, NDI, RMDQ; any letter case); an unknown code is a 404.")
    public InstrumentView get(@PathParam("code") String code) {
        return Instruments.byCode(code).map(i -> InstrumentView.of(i.definition()))
                .orElseThrow(() -> ProblemException.notFound("No instrument of this code in the library."));
    }
}
