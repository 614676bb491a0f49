package io.spinewise.plan.api;

import io.spinewise.plan.domain.AttentionReason;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinician takes one reason a patient needs attention in hand. */
public record AcknowledgementRequest(
        @NotNull(message = "is required") AttentionReason reason,
        @Schema(nullable = true, description = "what was done, e.g. \"called, back pain after a fall; seen Friday\"")
        @Size(max = 500, message = "must be at most 500 characters") String note) {
}
