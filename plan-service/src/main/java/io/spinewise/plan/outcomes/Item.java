package io.spinewise.plan.outcomes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.stream.IntStream;

/** One item of an instrument: what is asked and the answers it takes. */
@Schema(name = "InstrumentItem", description = "One item of an instrument and the answers it takes.")
public record Item(
        @Schema(description = "The item's id within its instrument, as answers name it (e.g. `pain`, `item-3`)")
        String id,
        @Schema(nullable = true, description = "The item's text in the authors' wording; null when the licence"
                + " does not let Spinewise ship it (the clinic supplies the text).")
        String text,
        @Schema(description = "The answers the item takes; an answer's value must be one of these")
        List<AnswerOption> options,
        @Schema(description = "true when the patient names the activity this item rates (PSFS): the answer"
                + " carries `activity`, the patient's own words")
        boolean activityNamed) {

    /** A value the item accepts, with its label (null when the label is the authors' and not shipped). */
    @Schema(name = "InstrumentAnswerOption", description = "One answer an item accepts.")
    public record AnswerOption(
            @Schema(description = "The value sent and scored") int value,
            @Schema(nullable = true, description = "What the value means, in the authors' wording; null when not"
                    + " shipped or when the number speaks for itself (the points between a scale's anchors)")
            String label) {
    }

    /** The options {@code from}..{@code to}, with labels only on the two ends. */
    static List<AnswerOption> scale(int from, int to, String lowLabel, String highLabel) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(v -> new AnswerOption(v, v == from ? lowLabel : v == to ? highLabel : null)).toList();
    }
}
