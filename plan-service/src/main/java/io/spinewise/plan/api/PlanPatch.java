package io.spinewise.plan.api;

import io.spinewise.plan.domain.PlanStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A change to a plan: a new status (PAUSED, ACTIVE to resume, COMPLETED) and/or an edit of
 * title, items or schedule. An edit adds a plan version effective from the patient's today;
 * the earlier version and its check-offs stay as they were.
 */
public record PlanPatch(
        PlanStatus status,
        @Size(max = 120) String title,
        @Size(min = 1, max = 20, message = "must have 1 to 20 items") List<@NotNull @Valid PlanItemRequest> items,
        @Valid ScheduleRequest schedule) {

    @Schema(hidden = true) // not a property: whether the patch edits the prescription
    public boolean isEdit() {
        return items != null || schedule != null;
    }
}
