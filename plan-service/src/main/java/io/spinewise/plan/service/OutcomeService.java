package io.spinewise.plan.service;

import io.spinewise.plan.api.OutcomeView;
import io.spinewise.plan.data.Assessments;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instruments;
import io.spinewise.plan.outcomes.OutcomeChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A patient's outcomes: per instrument ever assigned, every score over time, the baseline (first score), the
 * latest, the change and its verdict by {@link OutcomeChange}, and the occasions missed or answered late.
 */
@ApplicationScoped
public class OutcomeService {

    @Inject
    Assessments assessments;

    @Inject
    Today today;

    @Inject
    LicensedTexts licensed;

    public List<OutcomeView> of(Patient patient) {
        LocalDate localToday = today.in(patient.zone());
        List<Assessments.Assignment> assignments = assessments.ofPatient(patient.id);
        List<Assessments.Response> responses = assessments.responsesOf(patient.id);
        Set<String> codes = new LinkedHashSet<>();
        assignments.forEach(a -> codes.add(a.instrument()));
        List<OutcomeView> views = new ArrayList<>();
        for (String code : codes) {
            Instruments.byCode(code).ifPresent(i -> views.add(view(licensed.definition(patient.clinicId, i),
                    assignments, responses,
                    localToday)));
        }
        return views;
    }

    private static OutcomeView view(Definition d, List<Assessments.Assignment> assignments,
                                    List<Assessments.Response> responses, LocalDate localToday) {
        List<OutcomeView.Score> scores = responses.stream().filter(r -> r.instrument().equals(d.code()))
                .map(r -> new OutcomeView.Score(r.dueDate(), r.answeredAt(), r.answeredOn().isAfter(r.dueDate()),
                        r.score()))
                .toList();
        List<LocalDate> missed = assignments.stream().filter(a -> a.instrument().equals(d.code()))
                .flatMap(a -> AssessmentService.cadence(a)
                        .missed(localToday, AssessmentService.answered(responses, a.id())).stream())
                .sorted().toList();
        int late = (int) scores.stream().filter(OutcomeView.Score::late).count();
        if (scores.isEmpty()) {
            return new OutcomeView(d.code(), d.title(), d.direction(), d.minScore(), d.maxScore(), d.mcid(),
                    d.mcidSource(), OutcomeChange.RULE, scores, null, null, null, null, null, missed, late);
        }
        BigDecimal baseline = scores.get(0).score();
        BigDecimal latest = scores.get(scores.size() - 1).score();
        OutcomeChange.Verdict verdict = OutcomeChange.verdict(d, baseline, latest, scores.size());
        return new OutcomeView(d.code(), d.title(), d.direction(), d.minScore(), d.maxScore(), d.mcid(),
                d.mcidSource(), OutcomeChange.RULE, scores, baseline, latest,
                scores.size() < 2 ? null : latest.subtract(baseline), verdict, OutcomeChange.words(d, verdict),
                missed, late);
    }
}
