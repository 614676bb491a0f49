package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.Sides;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How much: a hold time, a repetition range, either (the patient picks), or neither (the
 * source gives no dose), plus sets and sides.
 */
public record DosageDto(
        @Valid Range holdSeconds,
        @Valid Range reps,
        @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20") Integer sets,
        @NotNull Sides sides) {
}
