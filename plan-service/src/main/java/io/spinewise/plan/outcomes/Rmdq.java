package io.spinewise.plan.outcomes;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The Roland-Morris Disability Questionnaire (Roland M, Morris R. Spine 1983;8:141–144): 24 statements the
 * patient marks as true today or not; the score is the number marked, 0–24, higher is worse. Its statements
 * are the authors' copyright; Spinewise could not confirm terms that let software include them, so only
 * the definition ships and a clinic that holds a licence supplies the text (docs/outcomes.md).
 */
public final class Rmdq implements Instrument {

    public static final String CODE = "RMDQ";
    private static final int ITEMS = 24;

    private static final Definition DEFINITION = new Definition(CODE, "Roland-Morris Disability Questionnaire",
            null,
            IntStream.rangeClosed(1, ITEMS).mapToObj(n -> new Item("item-" + n, null,
                    List.of(new Item.AnswerOption(0, "No"), new Item.AnswerOption(1, "Yes")), false)).toList(),
            "The score is the number of statements marked yes (applies to me today), 0 to 24. Every statement"
                    + " must be answered yes or no.",
            BigDecimal.ZERO, BigDecimal.valueOf(24), Direction.HIGHER_IS_WORSE, BigDecimal.valueOf(5),
            "5 points (or 30 % of the baseline): Ostelo RW et al. Interpreting change scores for pain and"
                    + " functional status in low back pain. Spine 2008;33(1):90–94.",
            "Roland M, Morris R. A study of the natural history of back pain. Part I: development of a reliable"
                    + " and sensitive measure of disability in low-back pain. Spine 1983;8(2):141–144.",
            Licence.LICENCE_REQUIRED, "Copyright of the authors (Roland, Morris). Spinewise could not"
                    + " confirm current terms that let software include the statements without a licence (the"
                    + " authors' own site could not be read from here; third-party pages that call it public"
                    + " domain are not the authors' terms), so it ships the definition only: licence required,"
                    + " the clinic supplies the text.",
            "Roland M, Fairbank J. The Roland-Morris Disability Questionnaire and the Oswestry Disability"
                    + " Questionnaire. Spine 2000;25:3115-3124; checked 2026-11-29, to be confirmed with the"
                    + " authors (rmdq.org) before any text ships.");

    @Override
    public Definition definition() {
        return DEFINITION;
    }


    @Override
    public BigDecimal score(List<ItemAnswer> answers) {
        return BigDecimal.valueOf(answers.stream().mapToInt(ItemAnswer::value).sum());
    }
}
