package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.PlanPatch;
import io.spinewise.plan.api.PlanView;
import io.spinewise.plan.api.ScheduleRequest;
import io.spinewise.plan.api.Views;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.domain.DaysOfWeek;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.Plan;
import io.spinewise.plan.domain.PlanItem;
import io.spinewise.plan.domain.PlanPause;
import io.spinewise.plan.domain.PlanStatus;
import io.spinewise.plan.domain.PlanVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Plans and their versions: prescribe, pause, resume, complete, edit (keeping history). */
@ApplicationScoped
public class PlanService {

    @Inject
    Today today;

    @Inject
    EntityManager em;

    @Inject
    PlanConfig config;

    /** A plan with its current version. */
    public record Current(Plan plan, PlanVersion version) {

        public PlanView view() {
            return Views.plan(plan, version);
        }
    }

    @Transactional
    public Current create(Patient patient, String createdBy, String createdByName, Prescriptions.Content content,
                          ScheduleRequest schedule) {
        // the patient's row is locked until the plan is stored, so two prescriptions at once cannot both pass the cap
        em.find(Patient.class, patient.id, LockModeType.PESSIMISTIC_WRITE);
        int cap = config.limits().openPlansPerPatient();
        if (Plan.count("patientId = ?1 and status <> ?2", patient.id, PlanStatus.COMPLETED) >= cap) {
            throw ProblemException.conflict(patient.name() + " already has " + cap + " plans that are active or"
                    + " paused, the most a patient may have; complete one before prescribing another.");
        }
        Instant now = today.now();
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.clinicId = patient.clinicId;
        plan.patientId = patient.id;
        plan.title = content.title();
        plan.status = PlanStatus.ACTIVE;
        plan.currentVersion = 1;
        plan.createdBy = createdBy;
        plan.createdByName = createdByName == null || createdByName.isBlank() ? null
                : createdByName.strip().substring(0, Math.min(255, createdByName.strip().length()));
        plan.createdAt = now;
        plan.updatedAt = now;
        LocalDate localToday = today.in(patient.zone());
        if (schedule.startDate().isBefore(localToday.minusDays(config.lateLoggingDays()))) {
            throw ProblemException.invalid("schedule.startDate", "may be at most " + config.lateLoggingDays()
                    + " days back (as far as sessions can still be logged)");
        }
        plan.persist();
        // the first version is in force from the plan's start; later ones from the day of the edit
        LocalDate effectiveFrom = schedule.startDate().isBefore(localToday) ? schedule.startDate() : localToday;
        PlanVersion version = version(plan, 1, effectiveFrom, content.routineSlug(), content.routineName(),
                content.items(), days(schedule.daysOfWeek(), content.suggestedDays()),
                sessions(schedule.sessionsPerDay(), content.suggestedSessions()), schedule.startDate(),
                schedule.endDate(), createdBy, now);
        version.persist();
        em.flush();
        return new Current(plan, version);
    }

    @Transactional
    public Optional<Plan> find(UUID id) {
        return Plan.findByIdOptional(id);
    }

    @Transactional
    public Optional<Current> current(UUID id) {
        return find(id).map(p -> new Current(p, PlanVersion.findById(new PlanVersion.Key(p.id, p.currentVersion))));
    }

    /** A patient's plans with their current versions, newest first, in one query. */
    @Transactional
    public List<Current> ofPatient(UUID patientId) {
        return em.createQuery("select p, v from Plan p, PlanVersion v where v.planId = p.id"
                        + " and v.version = p.currentVersion and p.patientId = :patient order by p.createdAt desc, p.id",
                        Object[].class)
                .setParameter("patient", patientId)
                .getResultStream()
                .map(row -> new Current((Plan) row[0], (PlanVersion) row[1]))
                .toList();
    }

    @Transactional
    public List<PlanVersion> versions(UUID planId) {
        return PlanVersion.list("planId = ?1 order by version", planId);
    }

    /**
     * Applies a status change and/or an edit; {@code items} are the checked new items of an
     * edit (null: keep the current ones). Everything takes effect from the patient's today.
     */
    @Transactional
    public Current change(Patient patient, UUID planId, String changedBy, PlanPatch patch, List<PlanItem> items) {
        Plan plan = em.find(Plan.class, planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan.status == PlanStatus.COMPLETED) {
            throw ProblemException.conflict("This plan is completed and can no longer change; prescribe a new plan.");
        }
        LocalDate day = today.in(patient.zone());
        Instant now = today.now();
        PlanVersion current = PlanVersion.findById(new PlanVersion.Key(plan.id, plan.currentVersion));
        if (patch.title() != null && !patch.title().isBlank()) {
            plan.title = patch.title().strip();
        }
        if (patch.isEdit()) {
            ScheduleRequest s = patch.schedule();
            PlanVersion next = version(plan, current.version + 1, day, current.routineSlug, current.routineName,
                    items != null ? items : current.items,
                    s != null && s.daysOfWeek() != null ? DaysOfWeek.mask(s.daysOfWeek()) : current.daysMask,
                    s != null && s.sessionsPerDay() != null ? s.sessionsPerDay() : current.sessionsPerDay,
                    s != null ? s.startDate() : current.startDate,
                    s != null ? s.endDate() : current.endDate, changedBy, now);
            current.effectiveUntil = day.minusDays(1);
            next.persist();
            plan.currentVersion = next.version;
            current = next;
        }
        if (patch.status() != null && patch.status() != plan.status) {
            switch (patch.status()) {
                case PAUSED -> {
                    PlanPause pause = new PlanPause();
                    pause.id = UUID.randomUUID();
                    pause.planId = plan.id;
                    pause.pausedFrom = day;
                    pause.persist();
                }
                case ACTIVE -> closeOpenPause(plan.id, day);
                case COMPLETED -> {
                    closeOpenPause(plan.id, day);
                    current.effectiveUntil = day.minusDays(1);
                    plan.completedOn = day;
                }
                default -> throw new IllegalStateException();
            }
            plan.status = patch.status();
        }
        plan.updatedAt = now;
        em.flush();
        return new Current(plan, current);
    }

    /** Pauses and their ends, for the adherence rule. */
    @Transactional
    public List<PlanPause> pauses(List<UUID> planIds) {
        return planIds.isEmpty() ? List.of() : PlanPause.list("planId in ?1", planIds);
    }

    private static void closeOpenPause(UUID planId, LocalDate day) {
        PlanPause.<PlanPause>find("planId = ?1 and pausedUntil is null", planId).firstResultOptional()
                .ifPresent(p -> p.pausedUntil = day.minusDays(1));
    }

    private static PlanVersion version(Plan plan, int number, LocalDate effectiveFrom, String routineSlug,
                                       String routineName, List<PlanItem> items, int daysMask, int sessionsPerDay,
                                       LocalDate start, LocalDate end, String createdBy, Instant now) {
        PlanVersion v = new PlanVersion();
        v.planId = plan.id;
        v.version = number;
        v.effectiveFrom = effectiveFrom;
        v.startDate = start;
        v.endDate = end;
        v.daysMask = daysMask;
        v.sessionsPerDay = sessionsPerDay;
        v.routineSlug = routineSlug;
        v.routineName = routineName;
        v.items = List.copyOf(items);
        v.createdBy = createdBy;
        v.createdAt = now;
        return v;
    }

    private static int days(Set<DayOfWeek> requested, Set<DayOfWeek> suggested) {
        Set<DayOfWeek> days = requested != null ? requested : suggested;
        if (days == null || days.isEmpty()) {
            throw ProblemException.invalid("schedule.daysOfWeek", "is required when no routine suggests days");
        }
        return DaysOfWeek.mask(days);
    }

    private static int sessions(Integer requested, Integer suggested) {
        Integer sessions = requested != null ? requested : suggested;
        if (sessions == null) {
            throw ProblemException.invalid("schedule.sessionsPerDay", "is required when no routine suggests it");
        }
        return sessions;
    }
}
