package io.spinewise.plan.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.spinewise.plan.api.TodayView;
import io.spinewise.plan.config.PushConfig;
import io.spinewise.plan.config.ReminderConfig;
import io.spinewise.plan.data.Reminders;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.ReminderChannel;
import io.spinewise.plan.domain.ReminderSettings;
import io.spinewise.plan.domain.SessionCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Finds the reminders due by now and puts them in the queue, once per session slot and channel: a session of
 * the patient's today (by {@link TodayService}, so the adherence rule's schedule: active plans only, no rest
 * days) that is still open, whose reminder time has come and does not fall in the quiet hours. A time in the
 * quiet hours is skipped, not moved to their end. Running it again, or on several replicas at once, plans
 * nothing twice (the queue's unique key); a run missed while no replica was up is made good by the next one,
 * the same day.
 *
 * <p>Reminder times: slot 1 at the patient's chosen time, later slots spaced as {@link SessionCalendar} spaces
 * a day's sessions (the calendar feed's times, when the patient chose the same time there). E-mail only for
 * patients with an address, Web Push only where VAPID keys are configured (whether a browser is subscribed is
 * the sender's question: one may subscribe between planning and sending).
 */
@ApplicationScoped
public class ReminderPlanner {

    @Inject
    Reminders reminders;

    @Inject
    ReminderPreferences preferences;

    @Inject
    TodayService todayService;

    @Inject
    PushConfig pushConfig;

    @Inject
    ReminderConfig config;

    @Inject
    Today today;

    @Inject
    EntityManager em;

    /** Plans every reminder due by now; how many this run added. One transaction per patient. */
    public int planDue() {
        int planned = 0;
        for (UUID patientId : reminders.reminderCandidates(today.now(), pushConfig.available(),
                config.defaultEmail(), config.defaultRemindAt())) {
            planned += QuarkusTransaction.requiringNew().call(() -> planFor(em.find(Patient.class, patientId)));
        }
        return planned;
    }

    private int planFor(Patient patient) {
        ReminderSettings settings = preferences.of(patient);
        EnumSet<ReminderChannel> channels = EnumSet.noneOf(ReminderChannel.class);
        if (settings.channels().contains(ReminderChannel.EMAIL) && ReminderPreferences.hasEmail(patient)) {
            channels.add(ReminderChannel.EMAIL);
        }
        if (settings.channels().contains(ReminderChannel.PUSH) && pushConfig.available()) {
            channels.add(ReminderChannel.PUSH);
        }
        if (channels.isEmpty()) {
            return 0;
        }
        Instant now = today.now();
        TodayView day = todayService.of(patient);
        int planned = 0;
        for (TodayView.PlanToday plan : day.plans()) {
            for (TodayView.Session session : plan.sessions()) {
                if (session.done() || session.slot() > plan.sessionsPerDay()) {
                    continue;
                }
                LocalTime time = SessionCalendar.start(settings.remindAt(), plan.sessionsPerDay(), session.slot());
                Instant due = day.date().atTime(time).atZone(patient.zone()).toInstant();
                if (due.isAfter(now) || settings.isQuiet(time)) {
                    continue;
                }
                for (ReminderChannel channel : channels) {
                    if (reminders.plan(patient.clinicId, patient.id, plan.planId(), day.date(), session.slot(),
                            channel, due)) {
                        planned++;
                    }
                }
            }
        }
        return planned;
    }
}
