package io.spinewise.plan.service;

import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.config.PlanConfig;
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

    @Inject
    PlanConfig config;

    /**
     * Days left unsettled before the patient's today: {@code lateLoggingDays + 2}, so that every write the service
     * takes (a check-off logged up to {@code lateLoggingDays} back, one more day after a change to a zone behind the
     * old one, one more for a transaction that began before midnight) lands on a day not settled yet.
     *
     * <p>The margin is a cost, not a guard: the kept rows stay exact at any margin because the triggers of V16/V20
     * move a patient's settled_through back before the first day a write may change, in the writing transaction
     * ({@code AdherenceRollupWritesTest} checks a late check-off on a day settled at margin 1). Settling through
     * yesterday (margin 1) was measured back to back on a quiet machine with check-offs dated like real ones (10 %
     * late): a dashboard page's database work fell 6–15 %, but each late check-off made the job rebuild its
     * patient's days, and a check-off's database work tripled (0.62 → 1.86 ms; bench/README.md "Margin 1 or 9").
     */
    public int marginDays() {
        return config.lateLoggingDays() + 2;
    }

    @Scheduled(identity = "adherence-rollup", every = "${spinewise.adherence-rollup.every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (rollup.settle(today.now(), marginDays(), BATCH) > 0) {
            // next batch
        }
    }
}
