package io.spinewise.plan.rest;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.api.DashboardRow;
import io.spinewise.plan.service.ClinicSettingsService;
import io.spinewise.plan.service.DashboardService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic dashboard and the thresholds behind its flags. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    ClinicSettingsService settings;

    @Inject
    Caller caller;

    @Inject
    AuditRecorder recorder;

    @Inject
    io.spinewise.plan.service.AdherenceQueries adherenceQueries;

    @GET
    @Path("/dashboard")
    @RolesAllowed(Roles.CHIROPRACTOR)
    @Audited("dashboard.read")
    @Operation(operationId = "getDashboard",
            summary = "The clinic's patients with adherence, streak, last session, pain and flags",
            description = "Adherence over the last 7 and 30 days (each patient's own days); flags LOW_ADHERENCE (30-day"
                    + " adherence below the clinic's threshold), PAIN (latest pain at or above it), INACTIVE (sessions"
                    + " scheduled but none checked off for the clinic's number of days).")
    public Page<DashboardRow> dashboard(@QueryParam("q") @Size(max = 100) String q,
                                        @Valid @BeanParam PageRequest paging) {
        return dashboard.page(caller.clinicId(), q, paging);
    }

    @GET
    @Path("/clinic/settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited("clinic.settings.read")
    @Operation(operationId = "getClinicSettings", summary = "The clinic's dashboard thresholds",
            description = "The adherence percentage, pain rating and days without a session that raise the"
                    + " dashboard's flags. Clinic administrators only.")
    public ClinicSettingsView settings() {
        return settings.of(caller.clinicId());
    }

    @GET
    @Path("/clinic/chiropractors")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited("clinic.chiropractors.read")
    @Operation(operationId = "listChiropractors",
            summary = "The clinic's prescribers (who created its plans), for the adherence report's filter",
            description = "`[{id, name}]`: the user id plans were created by and the display name stored at"
                    + " prescription (the id when none was stored).")
    public java.util.List<io.spinewise.plan.service.AdherenceQueries.Prescriber> chiropractors() {
        return adherenceQueries.prescribers(caller.clinicId());
    }

    @PUT
    @Path("/clinic/settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited("clinic.settings.change")
    @Operation(operationId = "setClinicSettings", summary = "Set the clinic's dashboard thresholds",
            description = "Clinic administrators only; all three values are required.")
    public ClinicSettingsView setSettings(@NotNull(message = "a JSON body is required") @Valid ClinicSettingsView view) {
        return recorder.change(200, () -> settings.set(caller.clinicId(), caller.subject(), view));
    }
}
