package io.spinewise.plan.domain;

/**
 * Why a patient is on the clinic's "needs attention" list (docs/architecture.md, "Needs attention"), in the
 * order the list ranks them.
 */
public enum AttentionReason {
    /** Recent pain before sessions is up by the clinic's pain rise or more against the patient's own baseline. */
    PAIN_UP,
    /** A questionnaire's latest score is worse than the first by at least the instrument's MCID. */
    OUTCOME_WORSE,
    /** Sessions were scheduled over the clinic's inactivity span and none was checked off. */
    INACTIVE,
    /** Adherence over the last 30 days is under the clinic's threshold. */
    LOW_ADHERENCE,
    /**
     * A patient in remote monitoring (treatment-management time logged) whose ongoing monitoring period can no
     * longer reach the device-supply threshold of days with data.
     */
    MONITORING_AT_RISK
}
