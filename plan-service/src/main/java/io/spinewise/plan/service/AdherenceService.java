package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.data.CheckOffHistory;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.PainTrend;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.PlanPause;
import io.spinewise.plan.domain.PlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Adherence of one patient or one plan over a window: loads the schedule, pauses, the
 * check-offs counted per plan and day (never the check-offs themselves, {@link CheckOffHistory}) and
 * the pain ratings of the window, and applies {@link AdherenceRule} and {@link PainTrend}.
 */
@ApplicationScoped
public class AdherenceService {

    static final int MAX_WINDOW_DAYS = 3660;

    @Inject
    EntityManager em;

    @Inject
    CheckOffHistory history;

    @Inject
    Today today;

    /**
     * @param planId   null for all of the patient's plans
     * @param from     null = the first scheduled day (the window's end if that is later)
     * @param to       null = the patient's today
     * @param withDays include the day-by-day figures
     */
    @Transactional
    public AdherenceView evaluate(Patient patient, UUID planId, LocalDate from, LocalDate to, boolean withDays) {
        LocalDate localToday = today.in(patient.zone());
        List<AdherenceRule.Schedule> schedules = restrict(em.createQuery("select v from PlanVersion v, Plan p"
                + " where v.planId = p.id and p.patientId = :patient" + planFilter(planId), PlanVersion.class),
                patient.id, planId).getResultStream().map(AdherenceRule.Schedule::of).toList();
        List<UUID> planIds = schedules.stream().map(AdherenceRule.Schedule::planId).distinct().toList();
        List<AdherenceRule.Pause> pauses = planIds.isEmpty() ? List.of()
                : PlanPause.<PlanPause>list("planId in ?1", planIds).stream()
                        .map(p -> new AdherenceRule.Pause(p.planId, p.pausedFrom, p.pausedUntil)).toList();

        LocalDate end = to != null ? to : localToday;
        // without a from, the window starts with the schedule, but never after its end: a plan that
        // starts next week has nothing scheduled yet, which is no reason to refuse the request
        LocalDate first = schedules.stream().map(AdherenceRule.Schedule::from).min(LocalDate::compareTo).orElse(end);
        LocalDate start = from != null ? from : first.isAfter(end) ? end : first;
        if (end.isBefore(start)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_WINDOW_DAYS) {
            throw ProblemException.invalid("from", "the window may span at most " + MAX_WINDOW_DAYS + " days");
        }

        List<AdherenceRule.CheckOffCount> counts = history.counts(patient.id, planId, start, end);
        List<PainTrend.Rating> ratings = history.ratings(patient.id, planId, start, end);
        LocalDate lastSession = history.lastSession(patient.id, planId, end).orElse(null);

        AdherenceRule.Result result = AdherenceRule.evaluate(schedules, pauses, counts, start, end, localToday);
        List<AdherenceView.Day> days = withDays
                ? result.days().stream().map(d -> new AdherenceView.Day(d.date(), d.scheduled(), d.completed())).toList()
                : null;
        return new AdherenceView(patient.id, planId, start, result.to(), localToday, result.scheduled(),
                result.completed(), result.percentage(), result.currentStreak(), result.longestStreak(), lastSession,
                PainTrend.of(ratings), AdherenceView.FORMULA, days);
    }

    private static String planFilter(UUID planId) {
        return planId == null ? "" : " and p.id = :plan";
    }

    private static <T> TypedQuery<T> restrict(TypedQuery<T> query, UUID patientId, UUID planId) {
        query.setParameter("patient", patientId);
        if (planId != null) {
            query.setParameter("plan", planId);
        }
        return query;
    }
}
