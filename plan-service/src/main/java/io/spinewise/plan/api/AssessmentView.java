package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient's assigned questionnaire and where it stands. */
@Schema(description = "An assigned questionnaire: its cadence and where it stands today (the patient's date).")
public record AssessmentView(
        @Schema(description = "The assignment's id") UUID id,
        @Schema(description = "The instrument's code") String instrument,
        @Schema(description = "The instrument's name") String title,
        @Schema(description = "The first due date") LocalDate startDate,
        @Schema(nullable = true, description = "Due every this many weeks; null: once") Integer everyWeeks,
        @Schema(description = "false once stopped") boolean active,
        @Schema(nullable = true, description = "The patient's date it was stopped on; null while running")
        LocalDate stoppedOn,
        @Schema(nullable = true, description = "The occasion due today and not answered yet; null when none")
        LocalDate dueNow,
        @Schema(nullable = true, description = "The next due date after today; null when none (once, or stopped)")
        LocalDate nextDue,
        @Schema(description = "How many occasions were answered") int answered,
        @Schema(description = "The occasions that passed unanswered (a due questionnaire is missed once the next"
                + " one is due, or once stopped), oldest first") List<LocalDate> missed,
        @Schema(description = "When it was assigned") Instant createdAt) {
}
