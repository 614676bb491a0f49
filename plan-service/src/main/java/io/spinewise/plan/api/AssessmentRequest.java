package io.spinewise.plan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** A questionnaire assigned to a patient: which instrument, from when, how often. */
@Schema(description = "Assign an instrument to a patient with a cadence.")
public record AssessmentRequest(
        @NotNull @Size(max = 16) @Schema(description = "The instrument's code (GET /api/instruments), e.g. PSFS")
        String instrument,
        @Schema(nullable = true, description = "The first due date, the patient's local date; absent: the"
                + " patient's today. At most 7 days back and 365 ahead.") LocalDate startDate,
        @Min(value = 1, message = "must be between 1 and 26") @Max(value = 26, message = "must be between 1 and 26")
        @Schema(nullable = true, description = "Due again every this many weeks after the start; absent: once")
        Integer everyWeeks) {
}
