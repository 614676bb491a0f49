package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An answered questionnaire and its score. */
@Schema(description = "An answered questionnaire and its score.")
public record AssessmentResponseView(
        @Schema(description = "The response's id") UUID id,
        @Schema(description = "The assignment it answers") UUID assignmentId,
        @Schema(description = "The instrument's code") String instrument,
        @Schema(description = "The occasion it answers") LocalDate dueDate,
        @Schema(description = "When it was answered") Instant answeredAt,
        @Schema(description = "true when answered on a later date than it was due (the patient's dates)")
        boolean late,
        @Schema(description = "The score, by the instrument's scoring rule") BigDecimal score) {
}
