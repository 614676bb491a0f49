package io.spinewise.plan.api;

import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.Plan;
import io.spinewise.plan.domain.PlanVersion;

/** Entities to API views; entities never leave the service as they are. */
public final class Views {

    private Views() {
    }

    public static PatientView patient(Patient p) {
        return new PatientView(p.id, p.firstName, p.lastName, p.name(), p.email, p.username, p.timeZone,
                p.language, p.createdAt, p.erasureRequestedAt, p.erasedAt);
    }

    /** A plan with its current version. */
    public static PlanView plan(Plan p, PlanVersion v) {
        return new PlanView(p.id, p.patientId, p.title, p.status, v.version, routine(v), schedule(v), v.items,
                v.effectiveFrom, p.completedOn, p.createdAt, p.updatedAt);
    }

    public static PlanVersionView version(PlanVersion v) {
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
