package io.spinewise.web.page;

import io.spinewise.web.client.model.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An outcome chart's geometry: dots by their dates, the baseline and the MCID band kept inside the scale. */
class OutcomeChartTest {

    private static final LocalDate START = LocalDate.of(2026, 10, 1);

    private static Outcome nprs(Double... scores) {
        List<Outcome.Score> answered = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            answered.add(new Outcome.Score(START.plusWeeks(2L * i), Instant.parse("2026-10-01T09:00:00Z"), false,
                    scores[i]));
        }
        Double baseline = scores.length == 0 ? null : scores[0];
        Double latest = scores.length == 0 ? null : scores[scores.length - 1];
        return new Outcome("NPRS", "Numeric Pain Rating Scale", 0, 10, 2, "a study", "the rule", answered, baseline,
                latest, scores.length < 2 ? null : latest - baseline, null, List.of(), 0);
    }

    @Test
    void noScoreIsEmptyWithoutBand() {
        OutcomeChart chart = OutcomeChart.of(nprs());

        assertThat(chart.empty()).isTrue();
        assertThat(chart.bandTop()).isNull();
        assertThat(chart.changeText()).isEqualTo("–");
    }

    @Test
    void scoresSpreadByDateWithTheBandOneMcidEitherSideOfTheBaseline() {
        OutcomeChart chart = OutcomeChart.of(nprs(7.0, 5.0, 4.0));

        assertThat(chart.dots()).extracting(OutcomeChart.Dot::x).containsExactly(10.0, 160.0, 310.0);
        // 140 high, 10 padding: score 7 at 130 − 7 × 12 = 46; the band from 9 (22) down to 5 (70)
        assertThat(chart.baselineY()).isEqualTo(46.0);
        assertThat(chart.bandTop()).isEqualTo(22.0);
        assertThat(chart.bandHeight()).isEqualTo(48.0);
        assertThat(chart.changeText()).isEqualTo("−3");
        assertThat(chart.description()).startsWith("NPRS scores: Thu 1 Oct 2026 7, ").contains("(scale 0 to 10)",
                "the baseline 7 plus or minus the MCID of 2 points");
    }

    @Test
    void theBandStopsAtTheEndOfTheScaleAndOneScoreIsALargeCentredDot() {
        OutcomeChart chart = OutcomeChart.of(nprs(9.5));

        assertThat(chart.dots()).singleElement().satisfies(d -> assertThat(d.x()).isEqualTo(160.0));
        assertThat(chart.dotRadius()).isEqualTo(6);
        assertThat(chart.bandTop()).isEqualTo(10.0);
        assertThat(chart.bandTop() + chart.bandHeight()).isEqualTo(40.0);
    }
}
