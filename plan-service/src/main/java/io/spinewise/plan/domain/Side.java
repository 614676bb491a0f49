package io.spinewise.plan.domain;

/** Which side a prescribed exercise is done on: both together, each in turn, or one side only. */
public enum Side {
    BOTH, EACH_SIDE, LEFT, RIGHT
}
