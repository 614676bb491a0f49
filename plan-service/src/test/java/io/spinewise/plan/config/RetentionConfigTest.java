package io.spinewise.plan.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention periods that make no sense stop plan-service at start, naming the setting and what is allowed. */
class RetentionConfigTest {

    @Test
    void zeroAndTwelveToTwelveHundredMonthsAreAllowed() {
        assertThat(RetentionConfig.refusals(0, 0)).isEmpty();
        assertThat(RetentionConfig.refusals(12, 1200)).isEmpty();
        assertThat(RetentionConfig.refusals(120, 24)).isEmpty();
    }

    @Test
    void aPeriodBelowAYearAboveACenturyOrNegativeIsRefusedByName() {
        assertThat(RetentionConfig.refusals(6, 0)).singleElement().asString()
                .startsWith("spinewise.retention.checkoff-months=6 is refused")
                .contains("0 keeps everything, otherwise from 12 to 1200 months");
        assertThat(RetentionConfig.refusals(0, 1201)).singleElement().asString()
                .startsWith("spinewise.retention.reminder-months=1201 is refused");
        assertThat(RetentionConfig.refusals(-1, -5)).hasSize(2);
    }
}
