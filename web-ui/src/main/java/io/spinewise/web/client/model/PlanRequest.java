package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A prescription: a routine slug and/or items, plus a schedule (the body of POST /api/patients/{id}/plans). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanRequest(String title, String routine, List<Item> items, ScheduleRequest schedule) {

    /** One prescribed exercise; reps and holdSeconds exclude each other. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String exercise, Integer sets, Integer reps, Integer holdSeconds, Side side, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleRequest(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay, LocalDate startDate,
                                  LocalDate endDate) {
    }
}
