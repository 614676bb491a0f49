package io.spinewise.plan.domain;

/** What became of a planned reminder: waiting, sent, dropped before sending (with the reason), or given up. */
public enum ReminderStatus {
    PENDING, SENT, SKIPPED, FAILED
}
