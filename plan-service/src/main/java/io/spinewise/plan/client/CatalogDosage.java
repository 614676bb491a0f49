package io.spinewise.plan.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A catalog dosage: ranges of seconds and repetitions, sets, and BOTH or EACH_SIDE. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogDosage(Range holdSeconds, Range reps, Integer sets, String sides) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(Integer min, Integer max) {
    }
}
