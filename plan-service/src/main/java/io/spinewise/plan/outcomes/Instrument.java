package io.spinewise.plan.outcomes;

import io.spinewise.common.problem.Problem;

import java.math.BigDecimal;
import java.util.List;

/** An outcome questionnaire: its definition, the check of a set of answers, and its scoring rule. */
public interface Instrument {

    Definition definition();

    /**
     * What is wrong with these answers, each naming the item ({@code answers.<item>}); empty when they score. By
     * default every item of the definition once, within its scale ({@link FixedItems}); PSFS names its own items.
     */
    default List<Problem.Violation> check(List<ItemAnswer> answers) {
        return FixedItems.check(definition().items(), answers);
    }

    /** The score of answers that {@link #check} accepted. */
    BigDecimal score(List<ItemAnswer> answers);

    default String code() {
        return definition().code();
    }
}
