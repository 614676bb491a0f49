package io.spinewise.plan.outcomes;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Oswestry Disability Index, version 2.1a (Fairbank JCT, Pynsent PB. Spine 2000;25:2940–2953): ten sections
 * about low back pain in daily life, each with six statements scored 0–5; the index is the sum over the
 * maximum possible, as a percentage 0–100, higher is worse. Its copyright holder licenses it through the Mapi
 * Research Trust (fees may apply to healthcare organisations, commercial users and IT companies), so Spinewise
 * ships the definition only and a clinic that holds a licence supplies the text (docs/outcomes.md).
 */
public final class Odi implements Instrument {

    public static final String CODE = "ODI";
    private static final int ITEMS = 10;

    private static final Definition DEFINITION = new Definition(CODE, "Oswestry Disability Index", null,
            IntStream.rangeClosed(1, ITEMS).mapToObj(n -> new Item("item-" + n, null, Item.scale(0, 5, null, null),
                    false)).toList(),
            "The index is the sum of the ten sections (each 0 to 5) doubled: 0 to 100 %. Every section must be"
                    + " answered (the shortened denominator that the authors allow for a skipped section is not"
                    + " applied).",
            BigDecimal.ZERO, BigDecimal.valueOf(100), Direction.HIGHER_IS_WORSE, BigDecimal.TEN,
            "10 points (of 100), or 30 % of the baseline: Ostelo RW et al. Interpreting change scores for pain and"
                    + " functional status in low back pain. Spine 2008;33(1):90–94.",
            "Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine 2000;25(22):2940–2953; first published"
                    + " by Fairbank JCT, Couper J, Davies JB, O'Brien JP. Physiotherapy 1980;66:271–273.",
            Licence.LICENCE_REQUIRED, "Copyright of the authors, licensed through the Mapi Research Trust"
                    + " (ePROVIDE): free to access for clinical practice and non-funded academic users, fees may apply"
                    + " to healthcare organisations, commercial users and IT companies. Spinewise ships the"
                    + " definition only: licence required, the clinic supplies the text.",
            "Shirley Ryan AbilityLab, Rehabilitation Measures Database, \"Oswestry Disability Index\" (cost"
                    + " description, pointing to eprovide.mapi-trust.org/instruments/oswestry-disability-index);"
                    + " structure and scoring: Fairbank, Pynsent 2000 (above); checked 2026-11-29.");

    @Override
    public Definition definition() {
        return DEFINITION;
    }


    @Override
    public BigDecimal score(List<ItemAnswer> answers) {
        return BigDecimal.valueOf(2L * answers.stream().mapToInt(ItemAnswer::value).sum());
    }
}
