package io.spinewise.plan.service;

import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.config.ReminderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every minute on every replica: plan what is due, then send it. Running on several replicas at once is
 * safe (see {@link ReminderPlanner}, {@link ReminderSender}); a run still going when the next one is due is
 * not started twice in one replica. Off where {@code spinewise.reminders.jobs=false} (the tests call the two
 * steps themselves).
 */
@ApplicationScoped
public class ReminderJobs {

    @Inject
    ReminderPlanner planner;

    @Inject
    ReminderSender sender;

    @Inject
    ReminderConfig config;

    @Inject
    ReminderLag lag;

    @Scheduled(identity = "reminders", every = "${spinewise.reminders.every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (config.jobs()) {
            planner.planDue();
            sender.sendDue();
            lag.measure();
        }
    }
}
