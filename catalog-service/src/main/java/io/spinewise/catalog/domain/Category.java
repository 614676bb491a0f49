package io.spinewise.catalog.domain;

/** What kind of exercise it is. */
public enum Category {
    SOFT_TISSUE_RELEASE, MOBILITY, EXTENSION, STRETCH, STRENGTH, POSTURE
}
