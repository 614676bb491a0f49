package io.spinewise.plan.outcomes;

import java.math.BigDecimal;
import java.util.List;

/**
 * The 0–10 Numeric Pain Rating Scale: one item, the score is the number chosen. A generic scale with no
 * copyright holder; the anchors are the conventional ones (Shirley Ryan AbilityLab, Rehabilitation Measures
 * Database, "Numeric Pain Rating Scale": cost free, 11 points, 0 = no pain, 10 = the most intense pain
 * imaginable, over the last 24 hours). MCID 2 points: Childs, Piva, Fritz, Spine 2005;30:1331–1334 (low back
 * pain), in line with Farrar et al., Pain 2001;94:149–158 (2 points or 30 %).
 */
public final class Nprs implements Instrument {

    public static final String CODE = "NPRS";
    static final String ITEM = "pain";

    private static final Definition DEFINITION = new Definition(CODE, "Numeric Pain Rating Scale (0–10)",
            "Choose the number that best describes your pain over the last 24 hours.",
            List.of(new Item(ITEM, "Your pain over the last 24 hours",
                    Item.scale(0, 10, "No pain", "Worst pain imaginable"), false)),
            "The score is the number chosen, 0 to 10.", BigDecimal.ZERO, BigDecimal.TEN, Direction.HIGHER_IS_WORSE,
            BigDecimal.valueOf(2), "2 points: Childs JD, Piva SR, Fritz JM. Responsiveness of the numeric pain rating"
                    + " scale in patients with low back pain. Spine 2005;30(11):1331–1334; Farrar JT et al. Pain"
                    + " 2001;94:149–158 (2 points or 30 %).",
            "A generic 11-point numeric rating scale (0 = no pain, 10 = worst pain imaginable); no single authors'"
                    + " text.",
            Licence.FREE, "No copyright holder; listed as free to use (cost: free) by the Rehabilitation Measures"
                    + " Database. The anchors are the conventional ones.",
            "Shirley Ryan AbilityLab, Rehabilitation Measures Database, \"Numeric Pain Rating Scale\""
                    + " (sralab.org/rehabilitation-measures/numeric-pain-rating-scale), checked 2026-11-29.");

    @Override
    public Definition definition() {
        return DEFINITION;
    }


    @Override
    public BigDecimal score(List<ItemAnswer> answers) {
        return BigDecimal.valueOf(FixedItems.value(answers, ITEM));
    }
}
