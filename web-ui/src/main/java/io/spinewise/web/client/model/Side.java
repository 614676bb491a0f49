package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Which side a prescribed exercise is done on (plan-service's {@code Side}). */
public enum Side implements Term {
    BOTH(""),
    EACH_SIDE("each side"),
    LEFT("left side"),
    RIGHT("right side"),
    /** A value plan-service added after this web-ui was built. */
    @JsonEnumDefaultValue
    OTHER("");

    private final String phrase;

    Side(String phrase) {
        this.phrase = phrase;
    }

    /** How a dose sentence ends: "2 × 30 s hold, each side"; empty for both sides at once. */
    public String phrase() {
        return phrase;
    }
}
