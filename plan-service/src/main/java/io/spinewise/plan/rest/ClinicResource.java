package io.spinewise.plan.rest;

import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.ClinicReminderDefaultView;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.api.PushAvailabilityView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.data.Prescribers;
import io.spinewise.plan.service.ClinicService;
import io.spinewise.plan.service.PushSubscriptionService;
import io.spinewise.plan.service.ReminderPreferences;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The caller's clinic: the dashboard's thresholds, default reminders and whether Web Push is offered
 * (administrators) and its prescribers (the reports' filter). Tagged with the dashboard, as the API document has
 * always grouped them.
 */
@Path("/api/clinic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class ClinicResource {

    @Inject
    ClinicService clinics;

    @Inject
    Caller caller;

    @Inject
    AuditRecorder recorder;

    @Inject
    ReminderPreferences reminders;

    @Inject
    PushSubscriptionService push;

    @GET
    @Path("/settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.CLINIC_SETTINGS_READ)
    @Operation(operationId = "getClinicSettings", summary = "The clinic's dashboard thresholds",
            description = "The adherence percentage, pain rating and days without a session that raise the"
                    + " dashboard's flags. Clinic administrators only.")
    public ClinicSettingsView settings() {
        return clinics.settings(caller.clinicId());
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.CLINIC_SETTINGS_CHANGE)
    @Operation(operationId = "setClinicSettings", summary = "Set the clinic's dashboard thresholds",
            description = "Clinic administrators only; all three values are required.")
    public ClinicSettingsView setSettings(@NotNull(message = "a JSON body is required") @Valid ClinicSettingsView view) {
        return recorder.change(200, () -> clinics.setSettings(caller.clinicId(), caller.subject(), view));
    }

    @GET
    @Path("/reminder-default")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.CLINIC_REMINDER_DEFAULT_READ)
    @Operation(operationId = "getClinicReminderDefault", summary = "The clinic's default reminders",
            description = "The channels and the patient's local time of day that apply to a patient until they"
                    + " choose their own. Clinic administrators only.")
    public ClinicReminderDefaultView reminderDefault() {
        return reminders.clinicDefaultView(caller.clinicId());
    }

    @PUT
    @Path("/reminder-default")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.CLINIC_REMINDER_DEFAULT_CHANGE)
    @Operation(operationId = "setClinicReminderDefault", summary = "Set the clinic's default reminders",
            description = "Clinic administrators only; both values are required ([] channels: none). Patients who"
                    + " chose their own keep it.")
    public ClinicReminderDefaultView setReminderDefault(
            @NotNull(message = "a JSON body is required") @Valid ClinicReminderDefaultView view) {
        return recorder.change(200, () -> reminders.setClinicDefault(caller.clinicId(), caller.subject(), view));
    }

    @GET
    @Path("/push-availability")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Audited(AuditAction.CLINIC_PUSH_AVAILABILITY_READ)
    @Operation(operationId = "getClinicPushAvailability", summary = "Whether reminders by Web Push are offered here",
            description = "As getPushPublicKey for patients: available=false when this installation has no VAPID keys;"
                    + " then PUSH in the clinic's default reminders reaches no one. Clinic administrators only, for"
                    + " the default's form.")
    public PushAvailabilityView pushAvailability() {
        return push.availability();
    }

    @GET
    @Path("/chiropractors")
    @RolesAllowed({Roles.CHIROPRACTOR, Roles.CLINIC_ADMIN})
    @Audited(AuditAction.CLINIC_CHIROPRACTORS_READ)
    @Operation(operationId = "listChiropractors",
            summary = "The clinic's prescribers (who created its plans), for the adherence report's filter",
            description = "`[{id, name}]`: the user id plans were created by and the display name stored at"
                    + " prescription (the id when none was stored).")
    public List<Prescribers.Prescriber> chiropractors() {
        return clinics.prescribers(caller.clinicId());
    }
}
