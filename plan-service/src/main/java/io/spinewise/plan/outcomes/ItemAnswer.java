package io.spinewise.plan.outcomes;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient's answer to one item. */
@Schema(name = "ItemAnswer", description = "The answer to one item of a questionnaire.")
public record ItemAnswer(
        @NotNull @Size(max = 40) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be an item id")
        @Schema(description = "The item's id, as the instrument lists it") String item,
        @NotNull @Schema(description = "The chosen value: one of the item's options") Integer value,
        @Size(max = ItemAnswer.ACTIVITY_MAX, message = "must be at most " + ItemAnswer.ACTIVITY_MAX + " characters")
        @Schema(nullable = true, maxLength = ItemAnswer.ACTIVITY_MAX, description = "For an item the patient names"
                + " (PSFS): the activity, in the patient's own words; stored as the patient's text, never"
                + " interpreted. Absent for other items.")
        String activity) {

    public static final int ACTIVITY_MAX = 120;
}
