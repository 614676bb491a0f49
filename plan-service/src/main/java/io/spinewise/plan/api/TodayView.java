package io.spinewise.plan.api;

import io.spinewise.plan.domain.PlanItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patient's day: each active plan's sessions due today and which are already checked off. */
public record TodayView(LocalDate date, String timeZone, List<PlanToday> plans) {

    public record PlanToday(UUID planId, String title, boolean scheduledToday, int sessionsPerDay,
                            List<Session> sessions, List<PlanItem> items) {
    }

    /** A slot of the day; {@code checkOffId} is set once it was checked off. */
    public record Session(int slot, @Schema(nullable = true) UUID checkOffId, boolean done) {
    }
}
