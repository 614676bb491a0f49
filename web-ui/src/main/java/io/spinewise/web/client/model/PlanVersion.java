package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a plan: what was prescribed and the days it was in force. */
public record PlanVersion(Integer version, LocalDate effectiveFrom, LocalDate effectiveUntil, Plan.RoutineRef routine,
                          Schedule schedule, List<PlanItem> items, String createdBy, Instant createdAt) {

    public List<PlanItem> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
