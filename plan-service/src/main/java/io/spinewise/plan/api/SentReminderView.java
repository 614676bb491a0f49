package io.spinewise.plan.api;

import io.spinewise.plan.domain.ReminderChannel;
import io.spinewise.plan.domain.ReminderStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A reminder the planner found due, and what became of it. */
public record SentReminderView(
        UUID id, UUID planId,
        @Schema(description = "The session's date, the patient's local date") LocalDate sessionDate,
        int slot, ReminderChannel channel,
        @Schema(description = "When it was due") Instant dueAt,
        @Schema(description = "PENDING, SENT, SKIPPED (the session was checked off, quiet hours, the day was over,"
                + " the channel turned off) or FAILED") ReminderStatus status,
        @Schema(nullable = true, description = "Why it was skipped or failed") String detail,
        @Schema(nullable = true, description = "When it was sent, skipped or failed") Instant finishedAt) {
}
