package io.spinewise.plan.rest;

import io.spinewise.plan.api.PatientView;
import io.spinewise.plan.api.PlanVersionView;
import io.spinewise.plan.api.PlanView;
import io.spinewise.plan.api.ScheduleView;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanVersion;
import io.spinewise.plan.service.PlanService;

/** Entities to API views; entities never leave the service as they are. */
final class Views {

    private Views() {
    }

    static PatientView patient(Patient p) {
        return new PatientView(p.id, p.firstName, p.lastName, p.name(), p.email, p.username, p.timeZone, p.createdAt);
    }

    static PlanView plan(PlanService.Current c) {
        PlanVersion v = c.version();
        return new PlanView(c.plan().id, c.plan().patientId, c.plan().title, c.plan().status, v.version, routine(v),
                schedule(v), v.items, v.effectiveFrom, c.plan().completedOn, c.plan().createdAt, c.plan().updatedAt);
    }

    static PlanVersionView version(PlanVersion v) {
        return new PlanVersionView(v.version, v.effectiveFrom, v.effectiveUntil, routine(v), schedule(v), v.items,
                v.createdBy, v.createdAt);
    }

    private static PlanView.Routine routine(PlanVersion v) {
        return v.routineSlug == null ? null : new PlanView.Routine(v.routineSlug, v.routineName);
    }

    private static ScheduleView schedule(PlanVersion v) {
        return new ScheduleView(v.daysOfWeek(), v.sessionsPerDay, v.startDate, v.endDate);
    }
}
