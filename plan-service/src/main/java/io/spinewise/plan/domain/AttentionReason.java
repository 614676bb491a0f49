package io.spinewise.plan.domain;

/**
 * Why a patient is on the clinic's "needs attention" list (docs/architecture.md, "Needs attention"), in the
 * order the list ranks them.
 */
public enum AttentionReason {
    /** Recent pain before sessions is up by the clinic's pain rise or more against the patient's own baseline. */
    PAIN_UP,
    /** Sessions were scheduled over the clinic's inactivity span and none was checked off. */
    INACTIVE,
    /** Adherence over the last 30 days is under the clinic's threshold. */
    LOW_ADHERENCE
}
