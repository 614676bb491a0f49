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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The patient's reminders, linked from Progress: e-mail and (where plan-service sends it) Web Push on or off,
 * the time of the day's first reminder and quiet hours, kept by plan-service, or back to the clinic's
 * default; the devices that receive push messages ({@link PushDevices} changes them, {@code js/push.js}
 * subscribes this browser); and the reminders planned lately, with what became of each. Any part that
 * plan-service cannot answer says so, and the rest of the page still shows.
 */
@Path(ReminderSettings.PATH)
@RolesAllowed(Roles.PATIENT)
@Produces(MediaType.TEXT_HTML)
public class ReminderSettings {

    static final String PATH = "/progress/reminders";
    /** How many of the latest reminders the page lists. */
    static final int RECENT = 10;
    /** What a redirect back to the page may report ({@code ?done=}). */
    private static final Set<String> DONE = Set.of("default", "added", "removed");

    @Inject
    PlanClient plan;

    @Inject
    PatientLanguage language;

    /**
     * {@code settings}: as plan-service keeps them, null when it could not be asked; {@code form}: the fields
     * as shown; {@code done}: what was just done ({@link #DONE}), else null; {@code push}: Web Push and the
     * devices; {@code sent}: the latest reminders, null when they could not be read.
     */
    record RemindersPage(ReminderPreferences settings, ReminderForm form, Map<String, String> errors, boolean saved,
                         String done, PushSection push, List<ReminderRow> sent, String zone)
            implements TemplateInstance {
    }

    @GET
    public TemplateInstance form(@QueryParam("done") String done) {
        ReminderPreferences settings = settings();
        return page(settings, settings == null ? null : ReminderForm.of(settings), Map.of(), false,
                done != null && DONE.contains(done) ? done : null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        ReminderForm typed = new ReminderForm(!in.text("email").isEmpty(), !in.text("push").isEmpty(),
                in.text("remindAt"), in.optional("quietFrom"), in.optional("quietUntil"));
        if (typed.remindAt().isEmpty()) {
            in.error("remindAt", language.messages().remindTimeNeeded());
        }
        boolean pushShown = !in.text("pushShown").isEmpty();
        AtomicReference<ReminderPreferences> saved = new AtomicReference<>();
        if (in.send(() -> saved.set(plan.setMyReminders(request(typed, pushShown))), FieldTarget::same)) {
            return Response.ok(page(saved.get(), ReminderForm.of(saved.get()), Map.of(), true, null)).build();
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(page(settings(), typed, in.errors(), false, null)).build();
    }

    /** Forgets the patient's own choice, so the clinic's default applies again. */
    @POST
    @Path("/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response backToClinicDefault() {
        plan.resetMyReminders();
        return Response.seeOther(URI.create(PATH + "?done=default")).build();
    }

    /**
     * The channels chosen: e-mail as ticked, PUSH as ticked where the form showed it; where it did not (push
     * not offered, or plan-service not answering about it) PUSH stays as it was.
     */
    private ReminderPreferencesRequest request(ReminderForm typed, boolean pushShown) {
        List<ReminderChannel> channels = new ArrayList<>();
        if (typed.email()) {
            channels.add(ReminderChannel.EMAIL);
        }
        if (pushShown ? typed.push() : pushBefore()) {
            channels.add(ReminderChannel.PUSH);
        }
        return new ReminderPreferencesRequest(channels, typed.remindAt(), typed.quietFrom(), typed.quietUntil());
    }

    private boolean pushBefore() {
        ReminderPreferences before = settings();
        return before != null && before.push();
    }

    private RemindersPage page(ReminderPreferences settings, ReminderForm form, Map<String, String> errors,
                               boolean saved, String done) {
        String timeZone = language.patientRecord().timeZone();
        List<ReminderRow> sent;
        try {
            sent = ReminderRow.of(plan.mySentReminders(RECENT), timeZone);
        } catch (ServiceException e) {
            sent = null;
        }
        return new RemindersPage(settings, form, errors, saved, done, PushSection.read(plan, timeZone), sent,
                ReminderRow.zoneName(timeZone));
    }

    private ReminderPreferences settings() {
        try {
            return plan.myReminders();
        } catch (ServiceException e) {
            return null;
        }
    }
}
