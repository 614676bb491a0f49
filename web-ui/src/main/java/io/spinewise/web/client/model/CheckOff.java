package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded check-off, as POST /api/me/sessions answers it: {@code recordedAt} when plan-service received
 * it, {@code performedAt} when the patient did the session (earlier for one sent from the phone's outbox).
 */
public record CheckOff(UUID id, UUID planId, LocalDate date, Integer slot, List<CheckOffRequest.Item> items,
                       Integer painBefore, Integer painAfter, Integer difficulty, String note, Instant recordedAt,
                       Instant performedAt) {
}
