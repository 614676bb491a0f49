package io.spinewise.plan.outcomes;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an instrument is, as shown to clinicians: its items, how it is scored (in words), its range and
 * direction, the minimal clinically important difference (MCID) Spinewise uses with its source, and the terms
 * on which its authors let software include it.
 */
public record Definition(String code, String title, String instructions, List<Item> items, String scoringRule,
                         BigDecimal minScore, BigDecimal maxScore, Direction direction, BigDecimal mcid,
                         String mcidSource, String reference, Licence licence, String licenceTerms,
                         String licenceSource) {
}
