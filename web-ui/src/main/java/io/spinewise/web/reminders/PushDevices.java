package io.spinewise.web.reminders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Problem;
import io.spinewise.web.client.model.PushSubscriptionRequest;
import io.spinewise.web.client.model.ReminderChannel;
import io.spinewise.web.client.model.ReminderPreferences;
import io.spinewise.web.client.model.ReminderPreferencesRequest;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.language.PatientLanguage;
import io.spinewise.web.page.UnreadableInput;
import io.spinewise.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The patient's devices that receive reminders by Web Push, as the reminder page changes them. The page's
 * script ({@code js/push.js}) posts the browser's {@code PushSubscription.toJSON()} here with the page's CSRF
 * token in its header; web-ui passes it on to plan-service with the patient's token, which never reaches the
 * script, and turns the PUSH channel on, since asking for reminders on a device means wanting them. Its
 * answers are for the script: 204, or a problem naming the field. Removing a device is a form (it works
 * without script), by the device's id from the list or, for "stop on this device", by the browser's endpoint.
 */
@Path("/progress/reminders/devices")
@RolesAllowed(Roles.PATIENT)
public class PushDevices {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String VALIDATION = "urn:spinewise:problem:validation";

    @Inject
    PlanClient plan;

    @Inject
    ObjectMapper json;

    @Inject
    PatientLanguage language;

    /** What the script sends; a browser's own extra fields (expirationTime) are not passed on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Subscription(String endpoint, PushSubscriptionRequest.Keys keys) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(String body, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        Subscription subscription;
        try {
            subscription = json.readValue(body, Subscription.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return invalid("body", "is not a browser's push subscription (JSON with endpoint and keys)");
        }
        List<Problem.Violation> missing = missing(subscription);
        if (!missing.isEmpty()) {
            return problem(new Problem(VALIDATION, "Invalid request", 400, missing.get(0).field() + ": "
                    + missing.get(0).message(), missing));
        }
        try {
            plan.addMyPushDevice(new PushSubscriptionRequest(subscription.endpoint(), subscription.keys(),
                    DeviceLabel.of(userAgent)));
            choosePush();
        } catch (ServiceException e) {
            return refused(e);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(MultivaluedMap<String, String> values) {
        FormInput in = FormInput.of(values);
        UUID id = in.uuid("id");
        String endpoint = in.optional("endpoint");
        if ((id == null) == (endpoint == null)) {
            throw new UnreadableInput(language.messages().pushNoSuchDevice());
        }
        plan.removeMyPushDevice(id, endpoint);
        return Response.seeOther(URI.create(ReminderSettings.PATH + "?done=removed")).build();
    }

    /** Adds PUSH to the channels in force (the patient's own, or the clinic's default made their own). */
    private void choosePush() {
        ReminderPreferences now = plan.myReminders();
        if (now.channels() != null && now.channels().contains(ReminderChannel.PUSH)) {
            return;
        }
        List<ReminderChannel> channels = new ArrayList<>(now.channels() == null ? List.of()
                : now.channels().stream().filter(ReminderChannel::known).toList());
        channels.add(ReminderChannel.PUSH);
        plan.setMyReminders(new ReminderPreferencesRequest(channels, now.remindAt(), now.quietFrom(),
                now.quietUntil()));
    }

    private static List<Problem.Violation> missing(Subscription s) {
        List<Problem.Violation> missing = new ArrayList<>();
        if (s == null || s.endpoint() == null || s.endpoint().isBlank()) {
            missing.add(new Problem.Violation("endpoint", "is required"));
        }
        if (s == null || s.keys() == null || s.keys().p256dh() == null) {
            missing.add(new Problem.Violation("keys.p256dh", "is required"));
        }
        if (s == null || s.keys() == null || s.keys().auth() == null) {
            missing.add(new Problem.Violation("keys.auth", "is required"));
        }
        return missing;
    }

    /** plan-service's refusal as it gave it (its status, its fields); its being away as a 503. */
    private Response refused(ServiceException e) {
        if (e.unavailable()) {
            return problem(new Problem("urn:spinewise:problem:dependency-unavailable", "Service unavailable", 503,
                    e.readableMessage(), null));
        }
        Problem given = e.problem();
        return problem(new Problem(given == null || given.type() == null ? "about:blank" : given.type(),
                given == null ? null : given.title(), e.status(), e.readableMessage(),
                given == null ? null : given.violations()));
    }

    private Response invalid(String field, String message) {
        return problem(new Problem(VALIDATION, "Invalid request", 400, field + ": " + message,
                List.of(new Problem.Violation(field, message))));
    }

    /** Written here: the JSON writer would not take the problem media type. */
    private Response problem(Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem that cannot be written", e);
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(body).build();
    }
}
