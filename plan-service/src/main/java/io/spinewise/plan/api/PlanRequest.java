package io.spinewise.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A prescription: a routine template (by slug) or chosen exercises, plus a schedule. With
 * both, the items replace the template's exercises and the template gives the name and the
 * suggested schedule.
 */
public record PlanRequest(
        @Size(max = 120) String title,
        @Size(max = 80) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "must be a catalog slug") String routine,
        @Size(min = 1, max = 20, message = "must have 1 to 20 items") List<@NotNull @Valid PlanItemRequest> items,
        @NotNull @Valid ScheduleRequest schedule) {

    @Schema(hidden = true) // a rule on the whole body, not a property
    @AssertTrue(message = "name a routine or list items")
    boolean isRoutineOrItems() {
        return routine != null || items != null;
    }
}
