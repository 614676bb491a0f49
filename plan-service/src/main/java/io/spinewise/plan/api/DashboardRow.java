package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One patient on the clinic dashboard.
 *
 * @param streak       current streak, counted back at most {@code streakHorizonDays}
 * @param streakAtLeast true when no day inside that horizon ended the streak and the schedule began before it,
 *                      so the streak may be longer
 * @param painChange   recent − early mean painBefore over the last 30 days (negative = better)
 * @param flags        LOW_ADHERENCE, PAIN, INACTIVE
 */
public record DashboardRow(UUID patientId, String name, Window last7Days, Window last30Days, int streak,
                           boolean streakAtLeast, @Schema(nullable = true) LocalDate lastSession,
                           @Schema(nullable = true) Integer latestPain, @Schema(nullable = true) Double painChange,
                           List<String> flags) {

    public record Window(long scheduled, long completed, @Schema(nullable = true) Double percentage) {
    }
}
