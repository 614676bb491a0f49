package io.spinewise.plan.service;

import io.spinewise.plan.api.CheckOffView;
import io.spinewise.plan.api.TodayView;
import io.spinewise.plan.data.CheckOffs;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanStatus;
import io.spinewise.plan.domain.PlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A patient's today: the sessions of each active plan that the adherence rule schedules on the
 * patient's local date ({@link AdherenceRule.Schedule#covers}), and which of them are checked off.
 * A plan that is active is not paused today (resuming ends its pause the day before), so the rule's
 * pauses need not be read here.
 */
@ApplicationScoped
public class TodayService {

    @Inject
    PlanService plans;

    @Inject
    CheckOffs checkOffs;

    @Inject
    Today today;

    public TodayView of(Patient patient) {
        LocalDate day = today.in(patient.zone());
        Map<UUID, List<CheckOffView>> done = checkOffs.on(patient.id, day).stream()
                .collect(Collectors.groupingBy(CheckOffView::planId));
        List<TodayView.PlanToday> result = new ArrayList<>();
        for (PlanService.Current c : plans.ofPatient(patient.id)) {
            if (c.plan().status == PlanStatus.ACTIVE) {
                result.add(planToday(c, day, done.getOrDefault(c.plan().id, List.of())));
            }
        }
        return new TodayView(day, patient.timeZone, result);
    }

    /** The day's slots: the scheduled sessions, and any slot beyond them that was checked off. */
    private static TodayView.PlanToday planToday(PlanService.Current c, LocalDate day, List<CheckOffView> done) {
        PlanVersion v = c.version();
        int scheduled = AdherenceRule.Schedule.of(v).covers(day) ? v.sessionsPerDay : 0;
        int slots = Math.max(scheduled, done.stream().mapToInt(CheckOffView::slot).max().orElse(0));
        List<TodayView.Session> sessions = new ArrayList<>();
        for (int slot = 1; slot <= slots; slot++) {
            int s = slot;
            UUID id = done.stream().filter(x -> x.slot() == s).map(CheckOffView::id).findFirst().orElse(null);
            sessions.add(new TodayView.Session(slot, id, id != null));
        }
        return new TodayView.PlanToday(c.plan().id, c.plan().title, scheduled > 0, scheduled, sessions, v.items);
    }
}
