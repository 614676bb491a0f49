package io.spinewise.plan.service;

import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.data.AdherenceRollup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Every minute on every replica: settles the adherence rollup ({@link AdherenceRollup}) through each
 * patient's today minus {@link #marginDays}, a batch of patients per transaction until none is behind.
 * Replicas share the work (a patient being settled by one is skipped by the others). The first runs after
 * migration V16 build the rows of all existing history; until a patient is settled the dashboard computes
 * their days live, so the figures never wait for it.
 */
@ApplicationScoped
public class AdherenceRollupJob {

    /** Patients settled per transaction. */
    static final int BATCH = 100;

    @Inject
    AdherenceRollup rollup;

    @Inject
    Today today;

    /**
     * Days left unsettled before the patient's today: one, so settled through yesterday. Every dashboard page
     * computes the unsettled days live for each of its patients, so each day kept out costs every read. Most
     * writes are today's; a back-dated or offline check-off (up to {@code lateLoggingDays} back), an undo of one,
     * or a back-dated start lands on a settled day, and the tables' triggers move that patient's
     * {@code settled_through} back in the writing transaction (the figures stay exact, that patient's page
     * computes a few more days live until the next run settles them again). Keeping {@code lateLoggingDays + 2}
     * days out, as first built, spared those rare writes one row update and cost every read nine days of
     * arithmetic per patient (bench/README.md, "Dashboard: settled through yesterday").
     */
    public int marginDays() {
        return 1;
    }

    @Scheduled(identity = "adherence-rollup", every = "${spinewise.adherence-rollup.every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (rollup.settle(today.now(), marginDays(), BATCH) > 0) {
            // next batch
        }
    }
}
