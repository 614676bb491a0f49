package io.spinewise.plan.api;

import io.spinewise.plan.domain.PainTrend;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Adherence over a window, with the formula shown next to the figures (docs/architecture.md, "The adherence rule").
 *
 * @param to the last day counted: the requested end, or the patient's today if earlier
 */
public record AdherenceView(UUID patientId, @Schema(nullable = true) UUID planId, LocalDate from, LocalDate to,
                            LocalDate today, long scheduled, long completed, @Schema(nullable = true) Double percentage,
                            int currentStreak, int longestStreak, @Schema(nullable = true) LocalDate lastSession,
                            PainTrend pain, String formula,
                            @Schema(nullable = true, description = DAYS_PARAMETER) List<Day> days) {

    public static final String FORMULA = "percentage = completed / scheduled × 100; scheduled = sessionsPerDay on each"
            + " scheduled day from start to end up to today (patient's time zone), paused days excluded;"
            + " completed = min(check-offs that day, sessionsPerDay) per plan; streak = consecutive fully"
            + " completed scheduled days back from the last day that has passed (today counts once complete)";

    /** What the {@code days} query parameter of the adherence calls does. */
    public static final String DAYS_PARAMETER =
            "With days=true: the figures of each day of the window; without it, null";

    public record Day(LocalDate date, int scheduled, int completed) {
    }
}
