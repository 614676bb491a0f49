package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded check-off: {@code recordedAt} is when the service received it, {@code performedAt} when the
 * patient did the session (earlier for one sent later from a phone that was offline; else the same).
 */
public record CheckOffView(UUID id, UUID planId, LocalDate date, int slot, List<CheckOffRequest.Item> items,
                           @Schema(nullable = true) Integer painBefore, @Schema(nullable = true) Integer painAfter,
                           @Schema(nullable = true) Integer difficulty, @Schema(nullable = true) String note,
                           @Schema(description = "When the service received the check-off.") Instant recordedAt,
                           @Schema(description = "When the patient did the session.") Instant performedAt) {
}
