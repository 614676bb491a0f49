package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient on the "needs attention" list (GET /api/attention): the open reasons in words, and those a clinician
 * acknowledged lately. {@code code} is PAIN_UP, INACTIVE or LOW_ADHERENCE.
 */
public record AttentionRow(UUID patientId, String name, List<Reason> reasons, List<Acknowledged> acknowledged,
                           LocalDate lastSession) {

    public record Reason(String code, String text) {
    }

    /** A reason taken in hand: off the list until {@code until} unless new data for it arrives. */
    public record Acknowledged(String code, String by, Instant at, Instant until, String note) {
    }

    public List<Reason> reasonsOrEmpty() {
        return reasons == null ? List.of() : reasons;
    }

    public List<Acknowledged> acknowledgedOrEmpty() {
        return acknowledged == null ? List.of() : acknowledged;
    }
}
