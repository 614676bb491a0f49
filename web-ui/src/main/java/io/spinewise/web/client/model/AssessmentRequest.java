package io.spinewise.web.client.model;

import java.time.LocalDate;

/** Assign a questionnaire (POST /api/patients/{id}/assessments); {@code everyWeeks} null: once. */
public record AssessmentRequest(String instrument, LocalDate startDate, Integer everyWeeks) {
}
