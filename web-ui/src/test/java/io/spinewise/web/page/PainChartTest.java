package io.spinewise.web.page;

import io.spinewise.web.client.model.Adherence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The pain chart's geometry, above all with too few weeks for a line. */
class PainChartTest {

    private static final LocalDate WEEK = LocalDate.of(2026, 11, 9);

    private static Adherence.Pain pain(Adherence.Week... weeks) {
        return new Adherence.Pain(4, null, null, null, weeks.length, Arrays.asList(weeks));
    }

    @Test
    void noWeeksAndWeeksWithoutRatingsAreBothEmpty() {
        assertThat(PainChart.of(null).empty()).isTrue();
        assertThat(PainChart.of(pain()).empty()).isTrue();
        assertThat(PainChart.of(pain(new Adherence.Week(WEEK, null, null))).empty()).isTrue();
    }

    @Test
    void oneRatedWeekIsALargeCentredDotPerSeriesWithItsValue() {
        PainChart chart = PainChart.of(pain(new Adherence.Week(WEEK, 6.0, 4.5)));

        assertThat(chart.empty()).isFalse();
        assertThat(chart.single()).isTrue();
        assertThat(chart.dotRadius()).isEqualTo(6);
        assertThat(chart.before()).singleElement().satisfies(p -> assertThat(p.x()).isEqualTo(160.0));
        assertThat(chart.after()).singleElement().satisfies(p -> assertThat(p.x()).isEqualTo(160.0));
        assertThat(chart.labels()).extracting(PainChart.Label::text).containsExactly("before 6", "after 4.5");
        assertThat(chart.labels()).extracting(PainChart.Label::anchor).containsExactly("end", "start");
        assertThat(chart.labels()).allSatisfy(l -> assertThat(l.y()).isBetween(12.0, 117.0));
        assertThat(chart.description()).isEqualTo(
                "Pain in the week of Mon 9 Nov 2026, before sessions 6, after sessions 4.5, 0 to 10");
    }

    @Test
    void oneRatedWeekAmongUnratedOnesIsStillASingleLabelledDot() {
        PainChart chart = PainChart.of(pain(new Adherence.Week(WEEK, null, null),
                new Adherence.Week(WEEK.plusWeeks(1), 10.0, null), new Adherence.Week(WEEK.plusWeeks(2), null, null)));

        assertThat(chart.single()).isTrue();
        assertThat(chart.singleWeek().weekStart()).isEqualTo(WEEK.plusWeeks(1));
        assertThat(chart.after()).isEmpty();
        // pain 10 sits at the top edge: its label stays inside the drawing
        assertThat(chart.labels()).singleElement().satisfies(l -> {
            assertThat(l.text()).isEqualTo("before 10");
            assertThat(l.y()).isEqualTo(12.0);
        });
    }

    @Test
    void twoRatedWeeksAreLinesWithSmallDotsAndNoLabels() {
        PainChart chart = PainChart.of(pain(new Adherence.Week(WEEK, 6.0, 4.0),
                new Adherence.Week(WEEK.plusWeeks(1), 4.5, 3.0)));

        assertThat(chart.single()).isFalse();
        assertThat(chart.dotRadius()).isEqualTo(3);
        assertThat(chart.labels()).isEmpty();
        assertThat(chart.beforePoints()).isEqualTo("8.0,49.6 312.0,65.2");
        assertThat(chart.description()).startsWith("Weekly pain");
    }
}
