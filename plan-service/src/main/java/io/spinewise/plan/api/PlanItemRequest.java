package io.spinewise.plan.api;

import io.spinewise.plan.domain.Side;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One prescribed exercise: a catalog slug and the dosage. Left-out dosage fields take the
 * catalog's (the lower end of its ranges); reps and holdSeconds exclude each other.
 */
public record PlanItemRequest(
        @NotBlank @Size(max = 80) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a catalog slug") String exercise,
        @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20") Integer sets,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer reps,
        @Min(value = 1, message = "must be at least 1") @Max(value = 3600, message = "must be at most 3600") Integer holdSeconds,
        Side side,
        @Size(max = 280) String note) {

    @Schema(hidden = true) // a rule on the whole body, not a property
    @AssertTrue(message = "give reps or holdSeconds, not both")
    boolean isRepsOrHold() {
        return reps == null || holdSeconds == null;
    }
}
