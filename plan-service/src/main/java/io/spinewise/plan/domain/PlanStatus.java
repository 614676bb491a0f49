package io.spinewise.plan.domain;

/** A plan is followed (active), on hold (paused: its days are not scheduled) or finished (completed). */
public enum PlanStatus {
    ACTIVE, PAUSED, COMPLETED
}
