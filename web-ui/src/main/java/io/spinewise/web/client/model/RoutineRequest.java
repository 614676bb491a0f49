package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

/** What the clinic library form sends to catalog-service to create or replace a clinic routine template. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoutineRequest(String name, String description, List<Item> items, Schedule schedule, LibraryStatus status) {

    /** One exercise of the template, by slug; without a dosage, the exercise's own applies. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String exercise, Exercise.Dosage dosage, String note) {
    }

    /** The suggested schedule. */
    public record Schedule(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay) {
    }
}
