package io.spinewise.plan.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.plan.config.ReminderConfig;
import io.spinewise.plan.data.PushSubscriptions;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.push.PushTransport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A reminder by Web Push to each of the patient's browsers: the JSON {title, body, url} in the patient's
 * language (the reminder mail's sentences: "your exercises", no plan, exercise or health detail), encrypted per
 * browser. A browser whose push service answers 404 or 410 has unsubscribed: its subscription is deleted. When
 * no browser took it and one answered 429, 5xx or could not be reached, {@link PushNotDelivered} asks the
 * sender to try again later, as for mail; when it reached at least one browser it counts as sent.
 */
@ApplicationScoped
public class ReminderPush {

    private static final Logger LOG = Logger.getLogger(ReminderPush.class);

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushTransport transport;

    @Inject
    ReminderConfig config;

    @Inject
    ObjectMapper json;

    /** Not delivered to any browser, for reasons that may pass (the statuses or failures, no health detail). */
    public static class PushNotDelivered extends RuntimeException {
        PushNotDelivered(String detail) {
            super(detail);
        }
    }

    /** Sends to every browser of the patient; false when none is subscribed (any more). */
    public boolean send(Patient patient, Instant now) {
        List<PushSubscriptions.Subscription> browsers = subscriptions.ofPatient(patient.id);
        if (browsers.isEmpty()) {
            return false;
        }
        byte[] payload = payload(patient);
        List<String> failures = new ArrayList<>();
        int delivered = 0;
        int gone = 0;
        for (PushSubscriptions.Subscription browser : browsers) {
            int status = post(browser, payload, now, failures);
            if (status >= 200 && status < 300) {
                subscriptions.succeeded(browser.id(), now);
                delivered++;
            } else if (status == 404 || status == 410) {
                subscriptions.delete(browser.id());
                gone++;
            } else if (status > 0) {
                failures.add("push service answered " + status);
            }
        }
        if (delivered > 0) {
            return true;
        }
        if (gone == browsers.size()) {
            return false;
        }
        throw new PushNotDelivered("push not accepted: " + String.join(", ", failures));
    }

    /** The push service's status, or 0 (the failure noted) when it could not be reached. */
    private int post(PushSubscriptions.Subscription browser, byte[] payload, Instant now, List<String> failures) {
        try {
            return transport.send(browser.endpoint(), browser.p256dh(), browser.auth(), payload, now);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warnf("push to subscription %s failed: %s", browser.id(), LogText.of(e));
            failures.add(e.getClass().getSimpleName());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted");
            return 0;
        }
    }

    /** {title, body, url} in the patient's language, UTF-8. */
    byte[] payload(Patient patient) {
        Locale locale = Locale.forLanguageTag(patient.language == null ? "en" : patient.language);
        ResourceBundle words = ResourceBundle.getBundle("reminders.mail", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String body = words.getString("body");
        Map<String, String> message = new LinkedHashMap<>();
        message.put("title", words.getString("subject"));
        message.put("body", body.substring(0, 1).toUpperCase(locale) + body.substring(1));
        message.put("url", config.webUiUrl() + "/today");
        try {
            return json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push payload", e);
        }
    }
}
