package io.spinewise.plan.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** What plan-service reads of a catalog routine template. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogRoutine(String slug, String name, Schedule schedule, List<Item> items, String status) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(int position, ExerciseRef exercise, CatalogDosage dosage, String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExerciseRef(String slug, String name, String status) {
    }
}
