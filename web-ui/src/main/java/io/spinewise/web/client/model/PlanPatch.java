package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The body of PATCH /api/plans/{id} as the web-ui sends it: a new status (PAUSED, ACTIVE,
 * COMPLETED; {@link PlanStatus}), or an edit (title, items, schedule), which plan-service keeps as a new version
 * from the patient's today.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanPatch(PlanStatus status, String title, List<PlanRequest.Item> items, PlanRequest.ScheduleRequest schedule) {

    public static PlanPatch status(PlanStatus status) {
        return new PlanPatch(status, null, null, null);
    }

    public static PlanPatch edit(PlanRequest changed) {
        return new PlanPatch(null, changed.title(), changed.items(), changed.schedule());
    }
}
