package io.spinewise.plan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The clinic's dashboard thresholds (also the body of a PUT). */
public record ClinicSettingsView(
        @NotNull @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100") Integer lowAdherencePercent,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painThreshold,
        @NotNull @Min(value = 1, message = "must be between 1 and 365") @Max(value = 365, message = "must be between 1 and 365") Integer inactiveDays) {
}
