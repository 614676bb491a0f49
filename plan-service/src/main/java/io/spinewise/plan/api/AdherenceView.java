package io.spinewise.plan.api;

import io.spinewise.plan.domain.PainTrend;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Adherence over a window, with the formula shown next to the figures (docs/architecture.md, "The adherence rule").
 *
 * @param to the last day counted: the requested end, or the patient's today if earlier
 */
public record AdherenceView(UUID patientId, UUID planId, LocalDate from, LocalDate to, LocalDate today,
                            long scheduled, long completed, Double percentage, int currentStreak, int longestStreak,
                            LocalDate lastSession, PainTrend pain, String formula, List<Day> days) {

    public static final String FORMULA = "percentage = completed / scheduled × 100; scheduled = sessionsPerDay on each"
            + " scheduled day from start to end up to today (patient's time zone), paused days excluded;"
            + " completed = min(check-offs that day, sessionsPerDay) per plan; streak = consecutive fully"
            + " completed scheduled days back from the last day that has passed (today counts once complete)";

    public record Day(LocalDate date, int scheduled, int completed) {
    }
}
