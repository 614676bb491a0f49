package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's scores on one questionnaire over time, as GET /api/me/outcomes gives them: oldest first, and
 * plan-service's verdict on the change in words ({@code verdictWords}, null before any answer) with its rule.
 */
public record Outcome(String instrument, String title, Double minScore, Double maxScore, String changeRule,
                      List<Score> scores, Double baseline, Double latest, Double change,
                      String verdictWords) {

    /** One answered occasion. */
    public record Score(LocalDate dueDate, Instant answeredAt, boolean late, Double score) {
    }

    public List<Score> scoresOrEmpty() {
        return scores == null ? List.of() : scores;
    }
}
