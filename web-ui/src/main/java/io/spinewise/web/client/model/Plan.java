package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A prescription with its current version. */
public record Plan(UUID id, UUID patientId, String title, PlanStatus status, Integer version, RoutineRef routine,
                   Schedule schedule, List<PlanItem> items, LocalDate effectiveFrom, LocalDate completedOn,
                   Instant createdAt, Instant updatedAt) {

    /** The template a plan came from. */
    public record RoutineRef(String slug, String name) {
    }

    public List<PlanItem> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    public boolean active() {
        return status == PlanStatus.ACTIVE;
    }

    public boolean paused() {
        return status == PlanStatus.PAUSED;
    }

    public boolean completed() {
        return status == PlanStatus.COMPLETED;
    }
}
