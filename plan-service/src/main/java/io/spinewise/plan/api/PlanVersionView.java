package io.spinewise.plan.api;

import io.spinewise.plan.domain.PlanItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a plan: what was prescribed and the days it was in force. */
public record PlanVersionView(int version, LocalDate effectiveFrom, @Schema(nullable = true) LocalDate effectiveUntil,
                              @Schema(nullable = true) PlanView.Routine routine,
                              ScheduleView schedule, List<PlanItem> items, String createdBy, Instant createdAt) {
}
