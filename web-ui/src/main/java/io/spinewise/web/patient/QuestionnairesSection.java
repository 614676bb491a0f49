package io.spinewise.web.patient;

import io.spinewise.web.client.model.Assessment;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.Outcome;
import io.spinewise.web.page.OutcomeChart;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The patient page's "Questionnaires" section (docs/outcomes.md): the running assignments, the assign form with the
 * instrument library ({@code values} as typed after a refusal, with its {@code errors} and {@code message}), and per
 * instrument the scores as a chart with plan-service's verdict; {@code available} false when plan-service could not
 * say (the rest of the page still shows).
 */
public record QuestionnairesSection(boolean available, List<Instrument> instruments, List<Assessment> running,
                                    List<OutcomeChart> charts, Map<String, String> values,
                                    Map<String, String> errors, String message) {

    static QuestionnairesSection of(List<Instrument> instruments, List<Assessment> assessments, List<Outcome> outcomes,
                                    LocalDate today) {
        return new QuestionnairesSection(true, instruments, assessments.stream().filter(Assessment::active).toList(),
                outcomes.stream().map(OutcomeChart::of).toList(),
                Map.of("startDate", today.toString(), "cadence", "once"), Map.of(), null);
    }

    static QuestionnairesSection unavailable() {
        return new QuestionnairesSection(false, List.of(), List.of(), List.of(), Map.of(), Map.of(), null);
    }

    /** The same figures with a refused form's typed values, errors and sentence. */
    QuestionnairesSection refused(Map<String, String> typed, Map<String, String> problems, String sentence) {
        return new QuestionnairesSection(available, instruments, running, charts, typed, problems, sentence);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** How many answers to this assignment's instrument came after their due date. */
    public int late(Assessment assessment) {
        return charts.stream().filter(c -> c.outcome().instrument().equals(assessment.instrument()))
                .mapToInt(c -> c.outcome().late()).findFirst().orElse(0);
    }

    /** "once" or "every 4 weeks". */
    public String cadence(Assessment assessment) {
        Integer weeks = assessment.everyWeeks();
        return weeks == null ? "once" : weeks == 1 ? "every week" : "every " + weeks + " weeks";
    }
}
