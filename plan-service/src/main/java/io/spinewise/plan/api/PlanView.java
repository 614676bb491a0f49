package io.spinewise.plan.api;

import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.domain.PlanStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A plan with its current version (earlier versions: {@code GET /api/plans/{id}/versions}). */
public record PlanView(UUID id, UUID patientId, String title, PlanStatus status, int version,
                       @Schema(nullable = true) Routine routine,
                       ScheduleView schedule, List<PlanItem> items, LocalDate effectiveFrom,
                       @Schema(nullable = true) LocalDate completedOn,
                       Instant createdAt, Instant updatedAt) {

    /** The template the plan came from, as it was named then. */
    public record Routine(String slug, String name) {
    }
}
