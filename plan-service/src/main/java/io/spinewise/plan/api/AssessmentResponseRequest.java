package io.spinewise.plan.api;

import io.spinewise.plan.outcomes.ItemAnswer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A patient's answers to a due questionnaire. */
@Schema(description = "The answers to one due questionnaire: every item once, within its options.")
public record AssessmentResponseRequest(
        @NotNull @Schema(description = "The occasion answered: the dueDate of GET /api/me/assessments/due")
        LocalDate dueDate,
        @NotNull @Size(max = 30, message = "must have at most 30 answers")
        @Schema(description = "One answer per item") List<@NotNull @Valid ItemAnswer> answers) {
}
