package io.spinewise.plan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The clinic's dashboard and attention thresholds (also the body of a PUT).
 *
 * @param painRise how far a patient's recent pain may rise above their own baseline before they need attention;
 *                 left out of a PUT, the clinic's current one (at first the configured default, 2)
 */
public record ClinicSettingsView(
        @NotNull @Min(value = 0, message = "must be between 0 and 100") @Max(value = 100, message = "must be between 0 and 100") Integer lowAdherencePercent,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painThreshold,
        @NotNull @Min(value = 1, message = "must be between 1 and 365") @Max(value = 365, message = "must be between 1 and 365") Integer inactiveDays,
        @Schema(nullable = true, description = "points (1-10) of pain rise against the patient's own baseline that"
                + " put them on the attention list; left out of a PUT: unchanged (at first the default, 2)")
        @Min(value = 1, message = "must be between 1 and 10") @Max(value = 10, message = "must be between 1 and 10") Integer painRise) {
}
