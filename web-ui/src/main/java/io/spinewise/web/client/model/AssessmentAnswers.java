package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.util.List;

/** The body of POST /api/me/assessments/{id}/responses: the occasion answered and one answer per item. */
public record AssessmentAnswers(LocalDate dueDate, List<Answer> answers) {

    /** One item's answer; {@code activity} only for an item the patient names (PSFS), in their own words. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String item, Integer value, String activity) {
    }
}
