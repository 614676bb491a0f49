package io.spinewise.web.reminders;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.ReminderChannel;
import io.spinewise.web.client.model.ReminderPreferences;
import io.spinewise.web.client.model.ReminderPreferencesRequest;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The patient's reminders, linked from Progress: e-mail on or off, the time of the day's first reminder and
 * quiet hours, kept by plan-service; and the reminders planned lately, with what became of each. Web Push is
 * not sent yet, so the form offers e-mail only (a PUSH already chosen elsewhere is kept as it is). Either
 * part that plan-service cannot answer says so, and the rest of the page still shows.
 */
@Path("/progress/reminders")
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class ReminderSettings {

    /** How many of the latest reminders the page lists. */
    static final int RECENT = 10;

    @Inject
    PlanClient plan;

    @Inject
    PatientLanguage language;

    /**
     * {@code settings}: as plan-service keeps them, null when it could not be asked; {@code form}: the fields
     * as shown; {@code sent}: the latest reminders, null when they could not be read.
     */
    record RemindersPage(ReminderPreferences settings, ReminderForm form, Map<String, String> errors, boolean saved,
                         List<ReminderRow> sent, String zone) implements TemplateInstance {
    }

    @GET
    public TemplateInstance form() {
        ReminderPreferences settings = settings();
        return page(settings, settings == null ? null : ReminderForm.of(settings), Map.of(), false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        ReminderForm typed = new ReminderForm(!in.text("email").isEmpty(), in.text("remindAt"),
                in.optional("quietFrom"), in.optional("quietUntil"));
        if (typed.remindAt().isEmpty()) {
            in.error("remindAt", language.messages().remindTimeNeeded());
        }
        AtomicReference<ReminderPreferences> saved = new AtomicReference<>();
        if (in.send(() -> saved.set(plan.setMyReminders(request(typed))), FieldTarget::same)) {
            return Response.ok(page(saved.get(), ReminderForm.of(saved.get()), Map.of(), true)).build();
        }
        return Response.status(Response.Status.BAD_REQUEST).entity(page(settings(), typed, in.errors(), false)).build();
    }

    /** The channels chosen: e-mail as ticked; a channel the form does not offer (PUSH) stays as it was. */
    private ReminderPreferencesRequest request(ReminderForm typed) {
        ReminderPreferences before = settings();
        List<ReminderChannel> kept = before == null || before.channels() == null ? List.of()
                : before.channels().stream().filter(c -> c != ReminderChannel.EMAIL && c.known()).toList();
        List<ReminderChannel> channels = typed.email()
                ? Stream.concat(Stream.of(ReminderChannel.EMAIL), kept.stream()).toList()
                : kept;
        return new ReminderPreferencesRequest(channels, typed.remindAt(), typed.quietFrom(), typed.quietUntil());
    }

    private RemindersPage page(ReminderPreferences settings, ReminderForm form, Map<String, String> errors,
                               boolean saved) {
        String timeZone = language.patientRecord().timeZone();
        List<ReminderRow> sent;
        try {
            sent = ReminderRow.of(plan.mySentReminders(RECENT), timeZone);
        } catch (ServiceException e) {
            sent = null;
        }
        return new RemindersPage(settings, form, errors, saved, sent, ReminderRow.zoneName(timeZone));
    }

    private ReminderPreferences settings() {
        try {
            return plan.myReminders();
        } catch (ServiceException e) {
            return null;
        }
    }
}
