package io.spinewise.plan.outcomes;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Neck Disability Index (Vernon H, Mior S. J Manipulative Physiol Ther 1991;14:409–415): ten items, each
 * 0–5, score the sum 0–50 (×2 as a percentage), higher is worse. Its item texts are the copyright of its
 * author; Spinewise could not confirm terms that let software include them without a licence, so only the
 * definition ships and a clinic that holds a licence supplies the text (docs/outcomes.md).
 */
public final class Ndi implements Instrument {

    public static final String CODE = "NDI";
    private static final int ITEMS = 10;

    private static final Definition DEFINITION = new Definition(CODE, "Neck Disability Index", null,
            IntStream.rangeClosed(1, ITEMS).mapToObj(n -> new Item("item-" + n, null, Item.scale(0, 5, null, null),
                    false)).toList(),
            "The score is the sum of the ten items (each 0 to 5), 0 to 50; doubled it is the percentage (0–100 %)."
                    + " Every item must be answered (the prorating of a missing item that some forms allow is not"
                    + " applied).",
            BigDecimal.ZERO, BigDecimal.valueOf(50), Direction.HIGHER_IS_WORSE, BigDecimal.valueOf(5),
            "5 points (of 50): Vernon H. The Neck Disability Index: state-of-the-art, 1991–2008. J Manipulative"
                    + " Physiol Ther 2008;31:491–502 (minimal detectable change and clinically important"
                    + " difference both about 5 points).",
            "Vernon H, Mior S. The Neck Disability Index: a study of reliability and validity. J Manipulative"
                    + " Physiol Ther 1991;14(7):409–415.",
            Licence.LICENCE_REQUIRED, "Copyright Howard Vernon. Copying the paper form for use in practice was"
                    + " encouraged when it was published; Spinewise found no current terms that let software"
                    + " include the item texts without the copyright holder's permission, so it ships the"
                    + " definition only: licence required, the clinic supplies the text.",
            "Vernon 1996 (J Musculoskeletal Pain 4(4):95–104, reprinted form: \"its duplication and use is"
                    + " encouraged\", for practice); Vernon 2008 (above); checked 2026-11-29.");

    @Override
    public Definition definition() {
        return DEFINITION;
    }


    @Override
    public BigDecimal score(List<ItemAnswer> answers) {
        return BigDecimal.valueOf(answers.stream().mapToInt(ItemAnswer::value).sum());
    }
}
