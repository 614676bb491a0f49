package io.spinewise.catalog.domain;

/** The starting position a patient takes. */
public enum Position {
    STANDING_AT_WALL, STANDING, SEATED, FLOOR, ALL_FOURS, SUPINE, PRONE, SIDE_LYING
}
