package io.spinewise.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded check-off. */
public record CheckOffView(UUID id, UUID planId, LocalDate date, int slot, List<CheckOffRequest.Item> items,
                           Integer painBefore, Integer painAfter, Integer difficulty, String note, Instant recordedAt) {
}
