package io.spinewise.plan.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spinewise.plan.config.PushConfig;
import io.spinewise.plan.config.ReminderConfig;
import io.spinewise.plan.data.CheckOffs;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.Plan;
import io.spinewise.plan.domain.PlanStatus;
import io.spinewise.plan.domain.ReminderChannel;
import io.spinewise.plan.domain.ReminderSettings;
import io.spinewise.plan.domain.ReminderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Optional;

/**
 * Sends the queued reminders, each in its own transaction: claim the row (FOR UPDATE SKIP LOCKED), check that
 * it is still wanted, send, mark it SENT, SKIPPED or FAILED, commit. The row stays locked while the mail is
 * sent, so no other replica takes it; a replica that dies before the commit leaves it PENDING (the transaction
 * rolls back) and another sends it. The one case that can repeat a mail: the SMTP server accepted it and the
 * replica died before the commit; the repeat then carries the same Message-ID (built from the reminder's id),
 * so mail software and people can tell it is the same reminder. A reminder by Web Push ({@link ReminderPush})
 * goes to each of the patient's browsers the same way; with none subscribed it is SKIPPED.
 */
@ApplicationScoped
public class ReminderSender {

    private static final Logger LOG = Logger.getLogger(ReminderSender.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Reminders reminders;

    @Inject
    ReminderPreferences preferences;

    @Inject
    ReminderMail mail;

    @Inject
    ReminderPush push;

    @Inject
    PushConfig pushConfig;

    @Inject
    CheckOffs checkOffs;

    @Inject
    ReminderConfig config;

    @Inject
    Today today;

    @Inject
    EntityManager em;

    /** Handles due reminders until none is left that no other sender holds; how many this call handled. */
    public int sendDue() {
        int handled = 0;
        while (QuarkusTransaction.requiringNew().call(this::sendNext)) {
            handled++;
        }
        return handled;
    }

    /** Claims, checks, sends and marks the next due reminder; false when none is due. Call inside a transaction. */
    public boolean sendNext() {
        Instant now = today.now();
        Optional<Reminders.Claimed> claimed = reminders.claimNext(now);
        if (claimed.isEmpty()) {
            return false;
        }
        Reminders.Claimed r = claimed.get();
        Patient patient = em.find(Patient.class, r.patientId());
        String skip = reasonToSkip(r, patient, now);
        if (skip != null) {
            reminders.finish(r.id(), ReminderStatus.SKIPPED, skip, false, null, now);
            return true;
        }
        try {
            if (r.channel() == ReminderChannel.PUSH) {
                sendPush(r, patient, now);
            } else {
                String token = newToken();
                mail.send(patient, r.id(), token);
                reminders.finish(r.id(), ReminderStatus.SENT, null, true, ReminderPreferences.sha256(token), now);
            }
        } catch (RuntimeException e) {
            String detail = e instanceof ReminderPush.PushNotDelivered ? e.getMessage()
                    : "mail not accepted: " + e.getClass().getSimpleName();
            LOG.warnf("reminder %s: %s (%s)", r.id(), detail, LogText.of(e));
            if (r.attempts() + 1 >= config.maxAttempts()) {
                reminders.finish(r.id(), ReminderStatus.FAILED, detail, true, null, now);
            } else {
                reminders.retryLater(r.id(), detail, now.plus(config.retryAfter()));
            }
        }
        return true;
    }

    private void sendPush(Reminders.Claimed r, Patient patient, Instant now) {
        if (push.send(patient, now)) {
            reminders.finish(r.id(), ReminderStatus.SENT, null, true, null, now);
        } else {
            reminders.finish(r.id(), ReminderStatus.SKIPPED, "no browser subscribed", true, null, now);
        }
    }

    /** Why a reminder is no longer wanted, or null: checked off, plan on hold or done, the day over, quiet. */
    private String reasonToSkip(Reminders.Claimed r, Patient patient, Instant now) {
        if (checkOffs.on(patient.id, r.sessionDate()).stream()
                .anyMatch(c -> c.planId().equals(r.planId()) && c.slot() == r.slot())) {
            return "checked off";
        }
        Plan plan = em.find(Plan.class, r.planId());
        if (plan.status != PlanStatus.ACTIVE) {
            return "plan paused or completed";
        }
        ZonedDateTime local = now.atZone(patient.zone());
        if (!local.toLocalDate().equals(r.sessionDate())) {
            return "the day was over";
        }
        ReminderSettings settings = preferences.of(patient);
        if (r.channel() == ReminderChannel.PUSH) {
            if (!settings.channels().contains(ReminderChannel.PUSH) || !pushConfig.available()) {
                return "reminders by push turned off";
            }
        } else if (!settings.channels().contains(r.channel()) || !ReminderPreferences.hasEmail(patient)) {
            return "reminders by e-mail turned off";
        }
        if (settings.isQuiet(local.toLocalTime())) {
            return "quiet hours";
        }
        return null;
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
