package io.spinewise.plan.service;

import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.AcknowledgementRequest;
import io.spinewise.plan.api.AttentionRow;
import io.spinewise.plan.api.ClinicSettingsView;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.config.RtmConfig;
import io.spinewise.plan.data.AttentionFigures;
import io.spinewise.plan.data.DashboardFigures;
import io.spinewise.plan.domain.AttentionAcknowledgement;
import io.spinewise.plan.domain.AttentionReason;
import io.spinewise.plan.domain.AttentionRules;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.domain.RtmRule;
import io.spinewise.plan.outcomes.Instruments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The clinic's "needs attention" list: its treated patients (an active plan) with an open reason
 * ({@link AttentionRules}: pain, questionnaires, sessions, adherence, remote monitoring), ranked: pain up first,
 * then more reasons, then longer without a session, then lower
 * adherence, then by name. A reason a clinician acknowledged stays off for {@code acknowledgedDays}, or until new
 * data for it arrives. Figures are read in batches of {@link #BATCH} patients, one statement each
 * ({@link DashboardFigures}, {@link AttentionFigures}).
 */
@ApplicationScoped
public class AttentionService {

    static final int BATCH = 200;

    @Inject
    AttentionFigures attention;

    @Inject
    DashboardFigures dashboard;

    @Inject
    ClinicService clinics;

    @Inject
    PatientService patients;

    @Inject
    PlanConfig config;

    @Inject
    RtmConfig rtmConfig;

    @Inject
    Today today;

    private record Candidate(UUID patientId, List<AttentionRules.Open> open, AttentionRules.Figures figures) {
    }

    @Transactional
    public Page<AttentionRow> list(String clinicId, PageRequest paging) {
        ClinicSettingsView thresholds = clinics.settings(clinicId);
        Instant now = today.now();
        Map<UUID, List<AttentionAcknowledgement>> acks = new HashMap<>();
        AttentionAcknowledgement.<AttentionAcknowledgement>list("clinicId = ?1 and acknowledgedAt > ?2 order by "
                + "acknowledgedAt desc", clinicId, now.minus(lapse())).forEach(a ->
                acks.computeIfAbsent(a.patientId, k -> new ArrayList<>()).add(a));
        List<UUID> treated = attention.treated(clinicId);
        List<Candidate> flagged = new ArrayList<>();
        for (int from = 0; from < treated.size(); from += BATCH) {
            for (Candidate c : candidates(treated.subList(from, Math.min(treated.size(), from + BATCH)), thresholds, now)) {
                List<AttentionRules.Open> open = c.open().stream()
                        .filter(o -> !acknowledged(acks.getOrDefault(c.patientId(), List.of()), o)).toList();
                if (!open.isEmpty()) {
                    flagged.add(new Candidate(c.patientId(), open, c.figures()));
                }
            }
        }
        Map<UUID, String> names = new HashMap<>();
        if (!flagged.isEmpty()) {
            Patient.<Patient>list("id in ?1", flagged.stream().map(Candidate::patientId).toList())
                    .forEach(p -> names.put(p.id, p.name()));
        }
        flagged.sort(Comparator.<Candidate>comparingInt(c -> c.open().get(0).code() == AttentionReason.PAIN_UP ? 0 : 1)
                .thenComparing(c -> -c.open().size())
                .thenComparing(c -> -AttentionRules.idleDays(c.figures()))
                .thenComparing(c -> c.figures().scheduled30() == 0 ? 1.0
                        : (double) c.figures().completed30() / c.figures().scheduled30())
                .thenComparing(c -> names.get(c.patientId())));
        int first = Math.min(flagged.size(), paging.page() * paging.size());
        List<AttentionRow> rows = flagged.subList(first, Math.min(flagged.size(), first + paging.size())).stream()
                .map(c -> row(c, names.get(c.patientId()), acks.getOrDefault(c.patientId(), List.of()))).toList();
        return new Page<>(rows, paging.page(), paging.size(), flagged.size());
    }

    /**
     * One patient's reasons as the list would judge them now, each with the acknowledgement that keeps it off the
     * list (null: none, or one whose evidence has changed), and the rule in words with the clinic's thresholds.
     * A patient without an active plan is not on the list: no reasons.
     */
    @Transactional
    public PatientAttention ofPatient(Patient patient) {
        ClinicSettingsView thresholds = clinics.settings(patient.clinicId);
        String rule = AttentionRules.rule(thresholds, AttentionFigures.RECENT_DAYS,
                config.dashboard().acknowledgedDays(), rtmConfig.deviceSupplyDays());
        if (!attention.treated(patient.clinicId).contains(patient.id)) {
            return new PatientAttention(false, List.of(), rule);
        }
        Instant now = today.now();
        List<AttentionAcknowledgement> acks = AttentionAcknowledgement.list("clinicId = ?1 and patientId = ?2 and "
                + "acknowledgedAt > ?3 order by acknowledgedAt desc", patient.clinicId, patient.id, now.minus(lapse()));
        List<PatientAttention.Standing> reasons = candidates(List.of(patient.id), thresholds, now).stream()
                .flatMap(c -> c.open().stream())
                .map(o -> new PatientAttention.Standing(o.code(), o.text(), acks.stream()
                        .filter(a -> a.reason == o.code() && a.evidence.equals(o.evidence())).findFirst()
                        .map(this::acknowledged).orElse(null)))
                .toList();
        return new PatientAttention(true, reasons, rule);
    }

    /** Takes one open reason of a patient of the clinic in hand; 409 when the patient is not listed for it. */
    @Transactional
    public AttentionRow.Acknowledged acknowledge(String clinicId, UUID patientId, AcknowledgementRequest request,
                                                 String by, String byName) {
        patients.find(clinicId, patientId)
                .orElseThrow(() -> ProblemException.notFound("No patient " + patientId + " in your clinic."));
        Instant now = today.now();
        AttentionRules.Open open = candidates(List.of(patientId), clinics.settings(clinicId), now).stream()
                .flatMap(c -> c.open().stream()).filter(o -> o.code() == request.reason()).findFirst()
                .orElseThrow(() -> ProblemException.conflict("This patient does not need attention for "
                        + request.reason() + " now; nothing to acknowledge."));
        AttentionAcknowledgement a = new AttentionAcknowledgement();
        a.id = UUID.randomUUID();
        a.clinicId = clinicId;
        a.patientId = patientId;
        a.reason = open.code();
        a.evidence = open.evidence();
        a.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        a.acknowledgedBy = by;
        a.acknowledgedByName = byName;
        a.acknowledgedAt = now;
        a.persist();
        return acknowledged(a);
    }

    private List<Candidate> candidates(List<UUID> ids, ClinicSettingsView t, Instant now) {
        int horizon = Math.max(30, t.inactiveDays());
        Map<UUID, AttentionFigures.Pain> pain = new HashMap<>();
        attention.pain(ids, now).forEach(p -> pain.put(p.patientId(), p));
        Map<UUID, List<AttentionRules.Open>> more = new HashMap<>();
        for (AttentionFigures.Outcome o : attention.outcomes(ids)) {
            Instruments.byCode(o.instrument()).flatMap(i -> AttentionRules.outcome(i.definition(), o.baseline(),
                    o.latest(), o.answers(), o.latestOn()))
                    .ifPresent(open -> more.computeIfAbsent(o.patientId(), k -> new ArrayList<>()).add(open));
        }
        Map<UUID, List<LocalDate>> monitored = attention.monitoredDays(ids);
        RtmRule rtm = new RtmRule(rtmConfig);
        List<Candidate> candidates = new ArrayList<>();
        for (DashboardFigures.Figures d : dashboard.of(ids, now, horizon, t.inactiveDays())) {
            AttentionFigures.Pain p = pain.get(d.patientId());
            AttentionRules.Figures f = new AttentionRules.Figures(d.today(), d.lastSession(), d.scheduledInactive(),
                    d.scheduled30(), d.completed30(), p.baseline(), p.recent(), p.latestRating());
            List<AttentionRules.Open> open = new ArrayList<>(AttentionRules.open(f, t));
            open.addAll(more.getOrDefault(d.patientId(), List.of()));
            List<LocalDate> days = monitored.get(d.patientId());
            if (days != null) {
                List<RtmRule.Period> periods = rtm.periods(days, d.today());
                AttentionRules.monitoring(periods.isEmpty() ? null : periods.get(periods.size() - 1),
                        rtmConfig.deviceSupplyDays(), rtmConfig.deviceSupplyCode()).ifPresent(open::add);
            }
            open.sort(Comparator.comparing(AttentionRules.Open::code));
            candidates.add(new Candidate(d.patientId(), open, f));
        }
        return candidates;
    }

    /** Acknowledged lately, on the same evidence: new data (another rating, a session) lifts it. */
    private static boolean acknowledged(List<AttentionAcknowledgement> acks, AttentionRules.Open open) {
        return acks.stream().filter(a -> a.reason == open.code()).findFirst()
                .map(a -> a.evidence.equals(open.evidence())).orElse(false);
    }

    private AttentionRow row(Candidate c, String name, List<AttentionAcknowledgement> acks) {
        List<AttentionRow.Reason> reasons = c.open().stream().map(o -> new AttentionRow.Reason(o.code(), o.text()))
                .toList();
        return new AttentionRow(c.patientId(), name, reasons, acks.stream().map(this::acknowledged).toList(),
                c.figures().lastSession());
    }

    /** Every acknowledgement about the patient, newest first, for the patient's own download. */
    @Transactional
    public List<AttentionRow.Acknowledged> acknowledgementsOf(Patient patient) {
        return AttentionAcknowledgement.<AttentionAcknowledgement>list("patientId = ?1 order by acknowledgedAt desc",
                patient.id).stream().map(this::acknowledged).toList();
    }

    private AttentionRow.Acknowledged acknowledged(AttentionAcknowledgement a) {
        return new AttentionRow.Acknowledged(a.reason, a.acknowledgedByName, a.acknowledgedAt,
                a.acknowledgedAt.plus(lapse()), a.note);
    }

    private Duration lapse() {
        return Duration.ofDays(config.dashboard().acknowledgedDays());
    }
}
