package io.spinewise.plan.outcomes;

import io.spinewise.common.problem.Problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The Patient-Specific Functional Scale: the patient names up to five activities that the problem makes hard
 * and rates each 0–10; the score is the mean of the ratings (higher is better). Stratford P, Gill C,
 * Westaway M, Binkley J. Physiotherapy Canada 1995;47:258–263. Free to use with this citation; the only fixed
 * wording is the two anchors of the scale, which are the authors'.
 */
public final class Psfs implements Instrument {

    public static final String CODE = "PSFS";
    public static final int MAX_ACTIVITIES = 5;
    private static final String ITEM_PREFIX = "activity-";

    private static final List<Item> ITEMS = IntStream.rangeClosed(1, MAX_ACTIVITIES)
            .mapToObj(n -> new Item(ITEM_PREFIX + n, null, Item.scale(0, 10, "Unable to perform activity",
                    "Able to perform activity at the same level as before injury or problem"), true))
            .toList();

    private static final Definition DEFINITION = new Definition(CODE, "Patient-Specific Functional Scale",
            "Name up to five important activities that you are unable to do or have difficulty with because of"
                    + " your problem, and rate each one today from 0 to 10.",
            ITEMS, "The score is the mean of the activities' ratings (sum of the ratings / number of activities"
                    + " rated), 0 to 10, to two decimals. At least one activity, at most five.",
            BigDecimal.ZERO, BigDecimal.TEN, Direction.HIGHER_IS_BETTER, BigDecimal.valueOf(2),
            "2 points for the mean score: the minimal detectable change (90 % confidence) reported by Stratford et"
                    + " al. 1995 (3 points for a single activity), the change commonly taken as clinically"
                    + " important for the mean.",
            "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients:"
                    + " a report of a patient specific measure. Physiotherapy Canada 1995;47:258–263.",
            Licence.FREE, "Free to use; cite the authors. The activities are the patient's own words, so the"
                    + " instrument has no item texts; the scale's two anchors are the authors' wording.",
            "Shirley Ryan AbilityLab, Rehabilitation Measures Database, \"Patient Specific Functional Scale\" (cost:"
                    + " free); clinic forms that reproduce it credit the authors (Stratford et al. 1995), checked"
                    + " 2026-11-29.");

    @Override
    public Definition definition() {
        return DEFINITION;
    }

    @Override
    public List<Problem.Violation> check(List<ItemAnswer> answers) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (answers.isEmpty()) {
            violations.add(new Problem.Violation("answers", "name and rate at least one activity"));
        }
        if (answers.size() > MAX_ACTIVITIES) {
            violations.add(new Problem.Violation("answers", "at most " + MAX_ACTIVITIES + " activities"));
        }
        Set<String> seen = new HashSet<>();
        for (ItemAnswer answer : answers) {
            String field = FixedItems.field(answer.item());
            if (ITEMS.stream().noneMatch(i -> i.id().equals(answer.item()))) {
                violations.add(new Problem.Violation(field, "is not an item of this questionnaire (activity-1.."
                        + "activity-" + MAX_ACTIVITIES + ")"));
            } else if (!seen.add(answer.item())) {
                violations.add(new Problem.Violation(field, "is answered more than once"));
            } else if (answer.activity() == null || answer.activity().isBlank()) {
                violations.add(new Problem.Violation(field + ".activity", "name the activity"));
            } else if (answer.value() < 0 || answer.value() > 10) {
                violations.add(new Problem.Violation(field, "must be one of 0..10"));
            }
        }
        return violations;
    }

    @Override
    public BigDecimal score(List<ItemAnswer> answers) {
        int sum = answers.stream().mapToInt(ItemAnswer::value).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers.size()), 2, RoundingMode.HALF_UP);
    }
}
