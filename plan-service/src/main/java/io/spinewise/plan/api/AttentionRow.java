package io.spinewise.plan.api;

import io.spinewise.plan.domain.AttentionReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient on the "needs attention" list: the reasons still open, each in words with its figures, and those a
 * clinician acknowledged lately (who and when).
 */
public record AttentionRow(UUID patientId, String name, List<Reason> reasons, List<Acknowledged> acknowledged,
                           @Schema(nullable = true) LocalDate lastSession) {

    /** One open reason. */
    public record Reason(AttentionReason code,
                         @Schema(description = "the reason with its figures and the clinic's threshold, in words")
                         String text) {
    }

    /** A reason taken in hand: it stays off the list until {@code until} unless new data for it arrives. */
    public record Acknowledged(AttentionReason code, String by, Instant at, Instant until,
                               @Schema(nullable = true) String note) {
    }
}
