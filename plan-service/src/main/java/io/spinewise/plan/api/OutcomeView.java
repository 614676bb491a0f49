package io.spinewise.plan.api;

import io.spinewise.plan.outcomes.Direction;
import io.spinewise.plan.outcomes.OutcomeChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One instrument's scores for a patient over time, compared with the baseline by the MCID rule. */
@Schema(description = "A patient's scores on one instrument over time, and the change since the baseline judged"
        + " by the instrument's MCID (rule in changeRule).")
public record OutcomeView(
        @Schema(description = "The instrument's code") String instrument,
        @Schema(description = "The instrument's name") String title,
        @Schema(description = "Which way is better") Direction direction,
        @Schema(description = "The lowest score") BigDecimal minScore,
        @Schema(description = "The highest score") BigDecimal maxScore,
        @Schema(description = "The minimal clinically important difference used, in score points") BigDecimal mcid,
        @Schema(description = "Where that MCID comes from") String mcidSource,
        @Schema(description = "The rule that turns the change into the verdict, in words") String changeRule,
        @Schema(description = "Every score, oldest first") List<Score> scores,
        @Schema(nullable = true, description = "The first score; null before any answer") BigDecimal baseline,
        @Schema(nullable = true, description = "The latest score; null before any answer") BigDecimal latest,
        @Schema(nullable = true, description = "latest − baseline; null before two answers") BigDecimal change,
        @Schema(nullable = true, description = "BETTER, WORSE, WITHIN_MCID or ONE_SCORE; null before any answer")
        OutcomeChange.Verdict verdict,
        @Schema(nullable = true, description = "The verdict in words, with the MCID, e.g. \"Better by at least the"
                + " minimal clinically important difference (2 points).\"") String verdictWords,
        @Schema(description = "Occasions that passed unanswered, oldest first") List<LocalDate> missed,
        @Schema(description = "How many answers came after their due date") int late) {

    /** One answered occasion. */
    @Schema(name = "OutcomeScore", description = "One answered occasion and its score.")
    public record Score(
            @Schema(description = "The occasion answered") LocalDate dueDate,
            @Schema(description = "When it was answered") Instant answeredAt,
            @Schema(description = "true when answered on a later date than due") boolean late,
            @Schema(description = "The score") BigDecimal score) {
    }
}
