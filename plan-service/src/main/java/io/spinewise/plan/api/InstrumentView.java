package io.spinewise.plan.api;

import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Direction;
import io.spinewise.plan.outcomes.Item;
import io.spinewise.plan.outcomes.Licence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** An instrument of the library, with everything a clinician needs to judge its figures. */
@Schema(description = "An outcome questionnaire of the library (docs/outcomes.md).")
public record InstrumentView(
        @Schema(description = "Its code, as assignments name it: NPRS, PSFS, NDI, RMDQ or ODI") String code,
        @Schema(description = "Its full name") String title,
        @Schema(nullable = true, description = "What the patient is asked to do; null when not shipped")
        String instructions,
        @Schema(description = "Its items with their answers; texts null when the licence does not let them ship")
        List<Item> items,
        @Schema(description = "How it is scored, in words") String scoringRule,
        @Schema(description = "The lowest score") BigDecimal minScore,
        @Schema(description = "The highest score") BigDecimal maxScore,
        @Schema(description = "Which way is better: HIGHER_IS_BETTER or HIGHER_IS_WORSE") Direction direction,
        @Schema(description = "The minimal clinically important difference Spinewise uses, in score points")
        BigDecimal mcid,
        @Schema(description = "Where that MCID comes from") String mcidSource,
        @Schema(description = "The instrument's source article") String reference,
        @Schema(description = "FREE (texts ship), FREE_NON_COMMERCIAL or LICENCE_REQUIRED (definition only; the"
                + " clinic supplies the text)") Licence licence,
        @Schema(description = "The terms, in words") String licenceTerms,
        @Schema(description = "Where and when the terms were checked") String licenceSource,
        @Schema(description = "Whether the caller's clinic can assign it: its text ships, or the clinic entered"
                + " its licensed text (docs/outcomes.md)")
        boolean assignable,
        @Schema(nullable = true, description = "Why it cannot be assigned in the caller's clinic; null when it can")
        String notAssignableReason,
        @Schema(description = "Where the wording comes from for the caller's clinic: SHIPPED, CLINIC (entered under"
                + " the clinic's licence) or NONE") TextSource textSource,
        @Schema(description = "The languages the item texts are in (en only: no translation ships; validated"
                + " translations are separate licensed works); empty when there is no shipped text (a clinic's text is in the"
                + " language the clinic entered it in)")
        List<String> languages) {

    /**
     * The instrument as the caller's clinic sees it.
     *
     * @param d                   the definition, worded with the clinic's text when it entered one
     * @param notAssignableReason null when the clinic can assign it
     */
    public static InstrumentView of(Definition d, TextSource source, String notAssignableReason) {
        return new InstrumentView(d.code(), d.title(), d.instructions(), d.items(), d.scoringRule(), d.minScore(),
                d.maxScore(), d.direction(), d.mcid(), d.mcidSource(), d.reference(), d.licence(), d.licenceTerms(),
                d.licenceSource(), notAssignableReason == null, notAssignableReason, source,
                source == TextSource.SHIPPED ? List.of("en") : List.of());
    }
}
