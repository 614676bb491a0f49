package io.spinewise.plan.rest;

import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.DashboardPage;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.service.DashboardService;
import io.spinewise.plan.service.PatientPosition;
import io.spinewise.plan.service.PatientPosition;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic dashboard, for its chiropractors; the thresholds behind its flags are {@link ClinicResource}'s. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited(AuditAction.DASHBOARD_READ)
    @Operation(operationId = "getDashboard",
            summary = "The clinic's patients with adherence, streak, last session, pain and flags",
            description = "Adherence over the last 7 and 30 days (each patient's own days); flags LOW_ADHERENCE (30-day"
                    + " adherence below the clinic's threshold), PAIN (latest pain at or above it), INACTIVE (sessions"
                    + " scheduled but none checked off for the clinic's number of days). Pages go by last name, first"
                    + " name: by number (page, from 0), or after the answer's next or before its previous (page is then"
                    + " only echoed back); a page by position costs the same wherever it is in the list, one by number"
                    + " skips the patients before it. A position this list did not give is a 400.")
    public DashboardPage dashboard(@QueryParam("q") @Size(max = 100) String q,
                                   @Parameter(description = "The next of the page before: the page starts after it")
                                   @QueryParam("after") @Size(max = PatientPosition.MAX_LENGTH) String after,
                                   @Parameter(description = "The previous of the page after: the page ends before it")
                                   @QueryParam("before") @Size(max = PatientPosition.MAX_LENGTH) String before,
                                   @Valid @BeanParam PageRequest paging) {
        if (after != null && before != null) {
            throw ProblemException.invalid("before", "give after or before, not both");
        }
        return dashboard.page(caller.clinicId(), q, paging, PatientPosition.parse(after, "after"),
                PatientPosition.parse(before, "before"));
    }
}
