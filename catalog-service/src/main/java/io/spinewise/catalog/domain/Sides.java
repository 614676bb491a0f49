package io.spinewise.catalog.domain;

/** Whether the dosage is done once (both sides together) or on each side in turn. */
public enum Sides {
    BOTH, EACH_SIDE
}
