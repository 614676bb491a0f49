package io.spinewise.plan.audit;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AuditEventView;
import io.spinewise.plan.api.AuditVerificationView;
import io.spinewise.plan.rest.OpenApiDefinition;
import io.spinewise.plan.rest.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** The clinic's audit log, for clinic administrators. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @GET
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.AUDIT_READ)
    @Operation(operationId = "listAuditEvents",
            summary = "Who read, changed or exported which patient's data, newest first",
            description = "from and to are UTC dates, both inclusive.")
    public Page<AuditEventView> query(@QueryParam("patient") String patient, @QueryParam("from") String from,
                                      @QueryParam("to") String to, @Valid @BeanParam PageRequest paging) {
        LocalDate fromDate = Params.date(from, "from");
        LocalDate toDate = Params.date(to, "to");
        Params.window(fromDate, toDate);
        UUID patientId = Params.uuid(patient, "patient");
        audit.patient(patientId);
        return log.query(caller.clinicId(), patientId,
                fromDate == null ? null : fromDate.atStartOfDay().toInstant(ZoneOffset.UTC),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), paging);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.AUDIT_VERIFY)
    @Operation(operationId = "verifyAuditChain",
            summary = "Whether my clinic's audit log is as it was written",
            description = "Walks the clinic's hash chain (each record holds the hash of the one before it):"
                    + " a record changed or deleted in the database, past the service, shows as the first broken"
                    + " record. Only records of the caller's clinic are walked.")
    public AuditVerificationView verify() {
        return log.verify(caller.clinicId());
    }
}
