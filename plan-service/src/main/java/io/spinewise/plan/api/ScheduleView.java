package io.spinewise.plan.api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** A plan's schedule as the API shows it. */
public record ScheduleView(Set<DayOfWeek> daysOfWeek, int sessionsPerDay, LocalDate startDate, LocalDate endDate) {
}
