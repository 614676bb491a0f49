package io.spinewise.plan.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.spinewise.plan.data.Reminders;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the reminder alerts read (docs/operations.md): when this replica last finished a reminder run
 * ({@code spinewise_reminder_job_last_run_seconds}, epoch seconds) and, at that moment, how long the
 * longest-waiting due reminder had waited ({@code spinewise_reminder_oldest_due_age_seconds}). Jobs that
 * stop running show in the first, a sender that cannot keep up (or a mail relay that refuses) in the second.
 */
@Startup
@ApplicationScoped
public class ReminderLag {

    private final AtomicLong lastRunEpochSecond = new AtomicLong();
    private final AtomicLong oldestDueAgeSeconds = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    Reminders reminders;

    @Inject
    Clock clock;

    /** Suppliers, which the registry holds strongly (a gauge of an object holds it weakly). */
    @PostConstruct
    void register() {
        Gauge.builder("spinewise.reminder.job.last.run", lastRunEpochSecond::get).baseUnit("seconds")
                .description("When this replica last finished planning and sending reminders (epoch)")
                .register(registry);
        Gauge.builder("spinewise.reminder.oldest.due.age", oldestDueAgeSeconds::get).baseUnit("seconds")
                .description("How long the longest-waiting due reminder had waited at the last run")
                .register(registry);
    }

    /** Called at the end of each run. */
    @Transactional
    void measure() {
        Instant now = clock.instant();
        oldestDueAgeSeconds.set(reminders.oldestDue(now).map(due -> Duration.between(due, now).toSeconds()).orElse(0L));
        lastRunEpochSecond.set(now.getEpochSecond());
    }
}
