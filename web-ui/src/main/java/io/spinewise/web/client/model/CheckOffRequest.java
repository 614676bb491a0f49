package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of POST /api/me/sessions: a session of a plan, what was done, how it felt; {@code performedAt}
 * when it was done, for a check-off kept in the phone's outbox while offline (null: now).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckOffRequest(UUID planId, LocalDate date, Integer slot, List<Item> items, Integer painBefore,
                              Integer painAfter, Integer difficulty, String note, Instant performedAt) {

    /** One exercise of the session. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String exercise, boolean done, Integer seconds, Integer reps) {
    }
}
