package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded check-off. */
public record CheckOffView(UUID id, UUID planId, LocalDate date, int slot, List<CheckOffRequest.Item> items,
                           @Schema(nullable = true) Integer painBefore, @Schema(nullable = true) Integer painAfter,
                           @Schema(nullable = true) Integer difficulty, @Schema(nullable = true) String note,
                           Instant recordedAt) {
}
