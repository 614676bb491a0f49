package io.spinewise.web.settings;

import io.quarkus.qute.TemplateInstance;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.ClinicReminderDefault;
import io.spinewise.web.client.model.ClinicSettings;
import io.spinewise.web.client.model.ReminderChannel;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clinic's dashboard thresholds, set by its administrator: when the patients list flags
 * low adherence, high pain and inactivity, and the pain rise that puts a patient on the attention list. The page reads whole numbers; plan-service decides
 * the allowed ranges and its refusal is shown by the field. Below them, the clinic's default
 * reminders (e-mail on or off, Web Push where plan-service sends it, the patient's local time) for patients who
 * have not chosen their own.
 */
@Path("/admin")
@RolesAllowed(Roles.CLINIC_ADMIN)
@Produces(MediaType.TEXT_HTML)
public class ClinicSettingsPage {

    private static final List<String> FIELDS = List.of("lowAdherencePercent", "painThreshold", "inactiveDays",
            "painRise");
    private static final String WHOLE_NUMBER = "Enter a whole number.";

    @Inject
    PlanClient plan;

    /** {@code values}: the fields as shown (typed text after a refusal); {@code saved}: just saved. */
    record SettingsPage(Map<String, String> values, Map<String, String> errors, String message, boolean saved,
                        ReminderDefaultSection reminders) implements TemplateInstance {
    }

    @GET
    @Path("settings")
    public TemplateInstance form() {
        return new SettingsPage(values(plan.clinicSettings()), Map.of(), null, false, reminders());
    }

    /**
     * The clinic's default reminders: e-mail as ticked, PUSH as ticked where the form showed it (plan-service sends
     * Web Push); where it did not, PUSH stays as it was, as on the patient's own form.
     */
    @POST
    @Path("settings/reminders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveReminders(MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        boolean email = !in.text("email").isEmpty();
        boolean pushShown = !in.text("pushShown").isEmpty();
        boolean push = pushShown ? !in.text("push").isEmpty() : pushBefore();
        String remindAt = in.text("remindAt");
        if (remindAt.isEmpty()) {
            in.error("remindAt", "Choose a time of day.");
        }
        List<ReminderChannel> channels = new ArrayList<>();
        if (email) {
            channels.add(ReminderChannel.EMAIL);
        }
        if (push) {
            channels.add(ReminderChannel.PUSH);
        }
        AtomicReference<ClinicReminderDefault> saved = new AtomicReference<>();
        if (in.send(() -> saved.set(plan.setClinicReminderDefault(new ClinicReminderDefault(channels, remindAt))),
                FieldTarget::same)) {
            return Response.ok(new SettingsPage(values(plan.clinicSettings()), Map.of(), null, false,
                    ReminderDefaultSection.of(saved.get(), pushOffered()).saved(
                            "Saved. Patients who have not chosen their own reminders follow this default."))).build();
        }
        String message = in.refusal().map(ServiceException::readableMessage).orElse("Please correct the marked fields.");
        return Response.status(400).entity(new SettingsPage(values(plan.clinicSettings()), Map.of(), null, false,
                new ReminderDefaultSection(true, email, push, pushShown, remindAt, in.errors(), message, false))).build();
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (String field : FIELDS) {
            typed.put(field, in.text(field));
            // the range is plan-service's to decide: any whole number is sent
            Integer number = in.number(field, in.text(field), Integer.MIN_VALUE, Integer.MAX_VALUE, WHOLE_NUMBER);
            if (number == null) {
                in.error(field, WHOLE_NUMBER);
            }
            numbers.put(field, number);
        }
        AtomicReference<ClinicSettings> saved = new AtomicReference<>();
        if (in.send(() -> saved.set(plan.changeClinicSettings(new ClinicSettings(numbers.get("lowAdherencePercent"),
                numbers.get("painThreshold"), numbers.get("inactiveDays"), numbers.get("painRise")))), FieldTarget::same)) {
            return Response.ok(new SettingsPage(values(saved.get()), Map.of(),
                    "Saved. The patients list and the attention list go by these thresholds from now on.", true, reminders())).build();
        }
        String message = in.refusal().map(ServiceException::readableMessage).orElse("Please correct the marked fields.");
        return Response.status(400).entity(new SettingsPage(typed, in.errors(), message, false, reminders())).build();
    }

    /** The clinic's default reminders as kept; a failure to read them leaves the thresholds usable. */
    private ReminderDefaultSection reminders() {
        try {
            return ReminderDefaultSection.of(plan.clinicReminderDefault(), pushOffered());
        } catch (ServiceException e) {
            return ReminderDefaultSection.unavailable();
        }
    }

    /** Whether plan-service sends Web Push; not knowing, PUSH is not offered (and kept as it was on a save). */
    private boolean pushOffered() {
        try {
            return plan.clinicPushAvailability().offered();
        } catch (ServiceException e) {
            return false;
        }
    }

    private boolean pushBefore() {
        try {
            return plan.clinicReminderDefault().push();
        } catch (ServiceException e) {
            return false;
        }
    }

    private static Map<String, String> values(ClinicSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lowAdherencePercent", text(settings.lowAdherencePercent()));
        values.put("painThreshold", text(settings.painThreshold()));
        values.put("inactiveDays", text(settings.inactiveDays()));
        values.put("painRise", text(settings.painRise()));
        return values;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
