package io.spinewise.catalog.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.util.Set;

/** A suggested schedule: on which days, how many sessions a day ("daily, once a day"). */
public record ScheduleDto(
        @NotEmpty Set<@NotNull DayOfWeek> daysOfWeek,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 6, message = "must be at most 6") Integer sessionsPerDay) {
}
