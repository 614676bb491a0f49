package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** A plan's schedule as the API shows it. */
public record ScheduleView(Set<DayOfWeek> daysOfWeek, int sessionsPerDay, LocalDate startDate,
                           @Schema(nullable = true) LocalDate endDate) {
}
