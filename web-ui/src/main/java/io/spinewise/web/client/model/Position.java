package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The position an exercise is done in (catalog-service's {@code Position}). */
public enum Position implements Term {
    STANDING_AT_WALL, STANDING, SEATED, FLOOR, ALL_FOURS, SUPINE, PRONE, SIDE_LYING,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
