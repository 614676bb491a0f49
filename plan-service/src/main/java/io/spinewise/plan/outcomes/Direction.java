package io.spinewise.plan.outcomes;

import java.math.BigDecimal;

/** Which way a score gets better. */
public enum Direction {
    HIGHER_IS_BETTER,
    HIGHER_IS_WORSE;

    /** The change from {@code before} to {@code after} counted so that a positive value is an improvement. */
    public BigDecimal improvement(BigDecimal before, BigDecimal after) {
        BigDecimal change = after.subtract(before);
        return this == HIGHER_IS_BETTER ? change : change.negate();
    }
}
