package io.spinewise.plan.outcomes;

import java.math.BigDecimal;

/**
 * The one rule for calling a change clinically important: change = latest score − baseline (the first score);
 * counted in the instrument's better direction, a change of at least the MCID is BETTER or WORSE, a smaller
 * one WITHIN_MCID; with one score there is nothing to compare (ONE_SCORE).
 */
public final class OutcomeChange {

    /** How the latest score compares with the baseline. */
    public enum Verdict { BETTER, WORSE, WITHIN_MCID, ONE_SCORE }

    /** The rule in words, as it is printed next to the figures. */
    public static final String RULE = "Change = latest score − baseline (the first score). It is called better or"
            + " worse when it moves at least the minimal clinically important difference (MCID) in that direction;"
            + " a smaller change is within the MCID.";

    private OutcomeChange() {
    }

    public static Verdict verdict(Definition instrument, BigDecimal baseline, BigDecimal latest, int scores) {
        if (scores < 2) {
            return Verdict.ONE_SCORE;
        }
        BigDecimal improvement = instrument.direction().improvement(baseline, latest);
        if (improvement.compareTo(instrument.mcid()) >= 0) {
            return Verdict.BETTER;
        }
        if (improvement.negate().compareTo(instrument.mcid()) >= 0) {
            return Verdict.WORSE;
        }
        return Verdict.WITHIN_MCID;
    }

    /** The verdict in a sentence, with the MCID and its unit. */
    public static String words(Definition instrument, Verdict verdict) {
        String mcid = "the minimal clinically important difference (" + points(instrument.mcid()) + ")";
        return switch (verdict) {
            case BETTER -> "Better by at least " + mcid + ".";
            case WORSE -> "Worse by at least " + mcid + ".";
            case WITHIN_MCID -> "Changed by less than " + mcid + ".";
            case ONE_SCORE -> "One score so far: nothing to compare with yet.";
        };
    }

    static String points(BigDecimal value) {
        String n = value.stripTrailingZeros().toPlainString();
        return n + (value.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
    }
}
