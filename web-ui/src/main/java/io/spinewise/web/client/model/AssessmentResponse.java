package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An answered questionnaire and its score, as POST /api/me/assessments/{id}/responses answers it. */
public record AssessmentResponse(UUID id, UUID assignmentId, String instrument, LocalDate dueDate, Instant answeredAt,
                                 boolean late, Double score) {
}
