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
     * Days left unsettled before the patient's today: one, so the job settles through yesterday and a dashboard
     * page computes only today live (whose figures count differently: an unfinished today is not a miss, so readers
     * never take today from the rollup, {@code RunningTotals}). A margin of 0 would settle today, which no reader takes
     * from the rollup, and put every check-off of the day on a settled day.
     *
     * <p>The margin is a cost, not a guard: the kept rows stay exact because the triggers of V16/V20 move a patient's
     * settled_through back before the first day a write may change, in the writing transaction, whatever that day
     * is. A check-off logged late (up to {@code lateLoggingDays} back, or a day more after a change to a zone behind
     * the old one), a plan started in the past, a write in a transaction that began before midnight and commits
     * after the job settled its day (the insert holds the patient's advisory key shared and the job skips it, or
     * waits for the job and moves the day back): each lands on a settled day, is counted by the next read (computed
     * live from the day it moved back to) and is settled again by the next run. Edits, pauses, resumes and
     * completions change today onward only, so they never touch a settled day. What a late write costs: one row
     * update in its trigger, and the job rebuilding that patient's days from the late one (bench/README.md,
     * "Settled through yesterday"). Until 2026-11-29 the margin was lateLoggingDays + 2 (nine days live per patient
     * per page).
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
