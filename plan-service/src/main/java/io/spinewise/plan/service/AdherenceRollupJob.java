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
    PlanConfig config;

    @Inject
    Today today;

    /**
     * Days left unsettled before the patient's today: the service's writes reach {@code lateLoggingDays} back,
     * one more after a change to a time zone behind the old one, one more for a transaction that began
     * before midnight. Further back only writes from outside the service (which the triggers handle).
     * (Settling through yesterday would spare every dashboard page eight live days per patient, but every
     * back-dated check-off would then move its patient's days back and have them settled again: tried on
     * 2026-11-29, bench/README.md "Live days".)
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
