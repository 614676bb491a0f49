package io.spinewise.plan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Treatment-management time spent on a patient; the clinician is the caller. */
public record RtmTimeRequest(
        @Schema(description = "Minutes spent, 1-240")
        @NotNull @Min(value = 1, message = "must be between 1 and 240") @Max(value = 240, message = "must be between 1 and 240")
        Integer minutes,
        @Schema(description = "The day the time was spent; not after the patient's today")
        @NotNull LocalDate date,
        @Schema(description = "Whether it included an interactive communication with the patient (a call, a video"
                + " visit); a month's time qualifies only with one")
        @NotNull Boolean interactive,
        @Schema(nullable = true, description = "What was done, at most 500 characters")
        @Size(max = 500) String note) {
}
