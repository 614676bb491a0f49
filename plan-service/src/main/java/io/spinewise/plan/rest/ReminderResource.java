package io.spinewise.plan.rest;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.api.ReminderPreferencesRequest;
import io.spinewise.plan.api.ReminderPreferencesView;
import io.spinewise.plan.api.SentReminderView;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditContext;
import io.spinewise.plan.audit.AuditRecorder;
import io.spinewise.plan.audit.Audited;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.ReminderPreferences;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * My reminders: my choice of channels, time and quiet hours, and what was sent to me. A patient's reminders
 * for the clinic are {@link PatientResource#reminders}, the mails' one-click unsubscribe {@link UnsubscribeResource}.
 */
@Path("/api/me/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
@SecurityRequirement(name = OpenApiDefinition.BEARER)
@Audited
public class ReminderResource {

    static final String TARGET = "reminders";

    @Inject
    CurrentPatient me;

    @Inject
    ReminderPreferences preferences;

    @Inject
    Reminders reminders;

    @Inject
    AuditContext audit;

    @Inject
    AuditRecorder recorder;

    @GET
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.REMINDERS_READ)
    @Operation(operationId = "getMyReminders", summary = "My reminder settings",
            description = "My own choice, or my clinic's default until I choose (chosen=false). Times are my local"
                    + " times; emailAvailable=false: no address is on record, so no mail is sent.")
    public ReminderPreferencesView get() {
        audit.target(TARGET);
        return preferences.view(me.get());
    }

    @PUT
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.REMINDERS_CHANGE)
    @Operation(operationId = "setMyReminders", summary = "Choose my reminders",
            description = "Channels ([] for none), the time of the day's first reminder and optional quiet hours"
                    + " (both ends or neither; 22:00 to 07:00 crosses midnight). A reminder comes only while a"
                    + " session of my today is open, never in my quiet hours (one falling in them is skipped).")
    public ReminderPreferencesView set(
            @NotNull(message = "a JSON body is required") @Valid ReminderPreferencesRequest request) {
        Patient patient = me.get();
        audit.target(TARGET);
        return recorder.change(200, () -> preferences.choose(patient, request));
    }

    @DELETE
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.REMINDERS_RESET)
    @Operation(operationId = "resetMyReminders", summary = "Back to my clinic's default reminders",
            description = "Forgets my own choice: my clinic's default applies again, and so do its later changes."
                    + " 204 also when I had not chosen (nothing changes).")
    @APIResponse(responseCode = "204", description = "My clinic's default applies")
    public void reset() {
        Patient patient = me.get();
        audit.target(TARGET);
        recorder.change(204, () -> {
            preferences.forget(patient);
            return null;
        });
    }

    @GET
    @Path("/sent")
    @RolesAllowed(Roles.PATIENT)
    @Audited(AuditAction.REMINDERS_SENT_READ)
    @Operation(operationId = "listMyReminders", summary = "The reminders planned for me, newest first",
            description = "Sent, skipped (and why) or failed; paged (size at most 100).")
    public Page<SentReminderView> sent(@Valid @BeanParam PageRequest paging) {
        audit.target(TARGET);
        return page(reminders, me.get().id, paging);
    }

    /** A page of a patient's reminders, newest first. */
    static Page<SentReminderView> page(Reminders reminders, UUID patientId, PageRequest paging) {
        return new Page<>(reminders.ofPatient(patientId, paging.size(), paging.offset()), paging.page(),
                paging.size(), reminders.countOfPatient(patientId));
    }
}
