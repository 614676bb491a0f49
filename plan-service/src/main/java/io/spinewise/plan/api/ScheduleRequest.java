package io.spinewise.plan.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * When the patient does the plan, in the patient's time zone. With a routine template, days
 * and sessions may be left out to take the template's suggestion.
 */
public record ScheduleRequest(
        @Size(min = 1, max = 7, message = "must name 1 to 7 days") Set<@NotNull DayOfWeek> daysOfWeek,
        @Min(value = 1, message = "must be at least 1") @Max(value = 6, message = "must be at most 6") Integer sessionsPerDay,
        @NotNull LocalDate startDate,
        LocalDate endDate) {

    @AssertTrue(message = "must not be before startDate")
    boolean isEndDate() {
        return endDate == null || startDate == null || !endDate.isBefore(startDate);
    }
}
