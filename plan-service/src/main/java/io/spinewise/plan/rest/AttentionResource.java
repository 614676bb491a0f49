package io.spinewise.plan.rest;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.service.AttentionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Needs attention today": the chiropractors' ranked list of patients to look at (taking a reason in hand is {@link PatientResource}'s). */
@Path("/api/attention")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attention")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class AttentionResource {

    @Inject
    AttentionService attention;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.ATTENTION_READ)
    @Operation(operationId = "getAttention", summary = "The clinic's patients who need a look today, ranked",
            description = "Patients with an active plan and an open reason: PAIN_UP (mean of the last 3 pain-before"
                    + " ratings of the last 14 days, not among the first 3, minus the mean of the first 3 ever, at"
                    + " least the clinic's painRise), INACTIVE (sessions scheduled over the clinic's inactiveDays and"
                    + " none checked off), LOW_ADHERENCE (30-day adherence under the clinic's lowAdherencePercent),"
                    + " OUTCOME_WORSE (a questionnaire's latest score worse than the first by at least its MCID),"
                    + " MONITORING_AT_RISK (a patient with treatment-management time logged whose ongoing monitoring"
                    + " period can no longer reach the device-supply threshold of days with data)."
                    + " Ranked: pain up first, then more reasons, then longer without a session, then lower 30-day"
                    + " adherence, then name. An acknowledged reason stays off for 7 days (configurable) unless new"
                    + " data for it arrives (a new rating, a session).")
    public Page<AttentionRow> list(@Valid @BeanParam PageRequest paging) {
        return attention.list(caller.clinicId(), paging);
    }
}
