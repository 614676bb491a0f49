package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A patient's scores on one instrument (GET /api/patients/{id}/outcomes): oldest first, the baseline (first score),
 * the latest, the change, and plan-service's verdict in words with the rule that gives it ({@code changeRule}).
 */
public record Outcome(String instrument, String title, double minScore, double maxScore, double mcid,
                      String mcidSource, String changeRule, List<Score> scores, Double baseline,
                      Double latest, Double change, String verdictWords, List<LocalDate> missed, int late) {

    /** One answered occasion. */
    public record Score(LocalDate dueDate, Instant answeredAt, boolean late, Double score) {
    }

    public List<LocalDate> missedOrEmpty() {
        return missed == null ? List.of() : missed;
    }

    public List<Score> scoresOrEmpty() {
        return scores == null ? List.of() : scores;
    }
}
