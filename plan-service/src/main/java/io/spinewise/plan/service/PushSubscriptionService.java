package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.PushAvailabilityView;
import io.spinewise.plan.api.PushSubscriptionRequest;
import io.spinewise.plan.api.PushSubscriptionView;
import io.spinewise.plan.config.PushConfig;
import io.spinewise.plan.data.PushSubscriptions;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.push.P256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.UUID;

/**
 * A patient's browsers that receive reminders by Web Push. A browser subscribing again (the same endpoint) is
 * the same subscription; when another patient subscribed it before (a phone shared in a family), it is re-bound
 * to the patient who subscribed last: the browser holds one subscription, and it is that patient who is logged
 * in and asked for reminders on it, so the earlier patient's reminders stop going to a device someone else uses.
 */
@ApplicationScoped
public class PushSubscriptionService {

    private static final int AUTH_LENGTH = 16;

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    PushConfig config;

    @Inject
    Today today;

    @Inject
    EntityManager em;

    public PushAvailabilityView availability() {
        return config.available()
                ? new PushAvailabilityView(true, P256.encode(P256.decode(config.vapid().publicKey().orElseThrow())))
                : new PushAvailabilityView(false, null);
    }

    /** The subscription as stored, and whether this call added it (false: it was known, perhaps re-bound). */
    public record Subscribed(PushSubscriptionView view, boolean added) {
    }

    /** Stores or re-binds the browser's subscription; refused past the cap of browsers per patient. */
    @Transactional
    public Subscribed subscribe(Patient patient, PushSubscriptionRequest request) {
        String endpoint = endpoint(request.endpoint());
        byte[] p256dh = P256.decode(request.keys().p256dh());
        if (!P256.isPoint(p256dh)) {
            throw ProblemException.invalid("keys.p256dh", "must be a 65-byte uncompressed P-256 point (base64url)");
        }
        byte[] auth = P256.decode(request.keys().auth());
        if (auth == null || auth.length != AUTH_LENGTH) {
            throw ProblemException.invalid("keys.auth", "must be 16 bytes (base64url)");
        }
        em.find(Patient.class, patient.id, LockModeType.PESSIMISTIC_WRITE);
        List<PushSubscriptions.Subscription> mine = subscriptions.ofPatient(patient.id);
        boolean known = mine.stream().anyMatch(s -> s.endpoint().equals(endpoint));
        boolean added = subscriptions.byEndpoint(endpoint).isEmpty();
        if (!known && mine.size() >= config.maxSubscriptionsPerPatient()) {
            throw ProblemException.conflict("At most " + config.maxSubscriptionsPerPatient() + " browsers receive"
                    + " reminders; remove one (DELETE /api/me/push-subscriptions) before adding another.");
        }
        subscriptions.save(patient.id, patient.clinicId, endpoint, p256dh, auth, blankToNull(request.userAgent()),
                today.now());
        return new Subscribed(subscriptions.byEndpoint(endpoint).orElseThrow().view(), added);
    }

    public List<PushSubscriptionView> of(Patient patient) {
        return subscriptions.ofPatient(patient.id).stream().map(PushSubscriptions.Subscription::view).toList();
    }

    /** Removes one of the patient's own subscriptions, by endpoint or id; another patient's stays. */
    @Transactional
    public void unsubscribe(Patient patient, String endpoint, UUID id) {
        if ((endpoint == null) == (id == null)) {
            throw ProblemException.invalid("endpoint", "or id is required, not both");
        }
        subscriptions.deleteOfPatient(patient.id, endpoint, id);
    }

    /** The endpoint as stored: an absolute https URL with a host (the form's pattern checked the scheme). */
    private static String endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ProblemException.invalid("endpoint", "must be an https URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("endpoint", "must be an https URL");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
