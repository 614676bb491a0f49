package io.spinewise.plan;

import io.spinewise.plan.domain.RtmRule;
import io.spinewise.plan.domain.RtmRule.CodeCount;
import io.spinewise.plan.domain.RtmRule.Period;
import io.spinewise.plan.domain.RtmRule.TimeEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The RTM counts of docs/rtm.md, by hand-picked cases at their edges (no database: the rule alone). */
class RtmRuleTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 5);
    private static final LocalDate LONG_AFTER = LocalDate.of(2027, 1, 1);
    private static final RtmRule RULE = new RtmRule(RtmSettings.DEFAULTS);

    @Test
    void aPeriodRunsThirtyDaysFromTheFirstDayWithDataAndDay31StartsTheNext() {
        List<Period> periods = RULE.periods(List.of(FIRST, FIRST.plusDays(29), FIRST.plusDays(30)), LONG_AFTER);

        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).start()).isEqualTo(FIRST);
        assertThat(periods.get(0).end()).isEqualTo(FIRST.plusDays(29));
        assertThat(periods.get(0).daysWithData()).isEqualTo(2);
        assertThat(periods.get(1).start()).isEqualTo(FIRST.plusDays(30));
        assertThat(periods.get(1).daysWithData()).isEqualTo(1);
    }

    @Test
    void afterAGapTheNextPeriodStartsOnTheNextDayWithData() {
        LocalDate afterGap = FIRST.plusDays(45);
        List<Period> periods = RULE.periods(List.of(FIRST, afterGap, afterGap.plusDays(29)), LONG_AFTER);

        assertThat(periods).extracting(Period::start).containsExactly(FIRST, afterGap);
        assertThat(periods.get(1).end()).isEqualTo(afterGap.plusDays(29));
        assertThat(periods.get(1).daysWithData()).isEqualTo(2);
    }

    @Test
    void sameDayTwiceCountsOnceAndOrderDoesNotMatter() {
        List<Period> periods = RULE.periods(List.of(FIRST.plusDays(3), FIRST, FIRST.plusDays(3)), LONG_AFTER);

        assertThat(periods).singleElement().satisfies(p -> assertThat(p.daysWithData()).isEqualTo(2));
    }

    @Test
    void sixteenDaysReachTheDeviceSupplyCodeAndFifteenOnlyTheShortOne() {
        assertThat(only(RULE.periods(days(16), LONG_AFTER)).deviceSupplyCode()).isEqualTo("98977");
        assertThat(only(RULE.periods(days(15), LONG_AFTER)).deviceSupplyCode()).isEqualTo("98985");
    }

    @Test
    void twoDaysReachTheShortCodeAndOneDayNone() {
        assertThat(only(RULE.periods(days(2), LONG_AFTER)).deviceSupplyCode()).isEqualTo("98985");
        assertThat(only(RULE.periods(days(1), LONG_AFTER)).deviceSupplyCode()).isNull();
    }

    @Test
    void setUpIsTheFirstPeriodAndAPeriodAfterALongGapOnly() {
        LocalDate second = FIRST.plusDays(30);
        LocalDate end2 = second.plusDays(29);
        LocalDate afterShortGap = end2.plusDays(60); // 59 days between: the same episode
        LocalDate end3 = afterShortGap.plusDays(29);
        LocalDate afterLongGap = end3.plusDays(61); // 60 days between: a new episode
        List<Period> periods = RULE.periods(List.of(FIRST, second, afterShortGap, afterLongGap), LONG_AFTER.plusYears(1));

        assertThat(periods).extracting(Period::setUp).containsExactly(true, false, false, true);
        assertThat(periods).extracting(Period::setUpCode).containsExactly("98975", null, null, "98975");
    }

    @Test
    void anOngoingPeriodSaysWhetherItsThresholdCanStillBeReached() {
        LocalDate today = FIRST.plusDays(19); // 10 days left after today, 11 with today
        Period five = only(RULE.periods(days(5), today));
        Period four = only(RULE.periods(days(4), today));

        assertThat(five.ongoing()).isTrue();
        assertThat(five.stillReachable()).as("5 + 11 open days = 16").isTrue();
        assertThat(four.stillReachable()).as("4 + 11 open days = 15").isFalse();
        assertThat(only(RULE.periods(days(4), FIRST.plusDays(30))).ongoing()).isFalse();
    }

    @Test
    void minutesWithoutAnInteractiveEntryDoNotQualify() {
        RtmRule.Month month = RULE.month(YearMonth.of(2026, 3), List.of(
                new TimeEntry(FIRST, 30, false), new TimeEntry(FIRST.plusDays(1), 15, false)));

        assertThat(month.minutesLogged()).isEqualTo(45);
        assertThat(month.qualifyingMinutes()).isZero();
        assertThat(month.codes()).isEmpty();
    }

    @Test
    void oneInteractiveEntryMakesAllOfTheMonthsMinutesQualify() {
        RtmRule.Month month = RULE.month(YearMonth.of(2026, 3), List.of(
                new TimeEntry(FIRST, 30, false), new TimeEntry(FIRST.plusDays(1), 15, true)));

        assertThat(month.interactiveEntries()).isEqualTo(1);
        assertThat(month.qualifyingMinutes()).isEqualTo(45);
        assertThat(month.codes()).containsExactly(new CodeCount("98980", 1), new CodeCount("98981", 1));
    }

    @Test
    void theTimeCodesTurnAtTenTwentyAndEachFurtherTwentyMinutes() {
        assertThat(codes(9)).isEmpty();
        assertThat(codes(10)).containsExactly(new CodeCount("98979", 1));
        assertThat(codes(19)).containsExactly(new CodeCount("98979", 1));
        assertThat(codes(20)).containsExactly(new CodeCount("98980", 1));
        assertThat(codes(39)).containsExactly(new CodeCount("98980", 1));
        assertThat(codes(40)).containsExactly(new CodeCount("98980", 1), new CodeCount("98981", 1));
        assertThat(codes(80)).containsExactly(new CodeCount("98980", 1), new CodeCount("98981", 3));
    }

    @Test
    void monthsAreCalendarMonthsOfTheEntriesDates() {
        List<RtmRule.Month> months = RULE.months(List.of(new TimeEntry(LocalDate.of(2026, 3, 31), 20, true),
                new TimeEntry(LocalDate.of(2026, 4, 1), 5, false)));

        assertThat(months).extracting(RtmRule.Month::month).containsExactly("2026-03", "2026-04");
        assertThat(months.get(1).qualifyingMinutes()).as("April has no interactive entry").isZero();
    }

    @Test
    void thresholdsAndCodesComeFromTheConfiguration() {
        RtmRule payer = new RtmRule(RtmSettings.DEFAULTS.withDeviceSupply(12, "X-DEV").withMinutes(30, 15, 5)
                .withPeriodDays(28));

        Period period = only(payer.periods(days(12), LONG_AFTER));
        assertThat(period.end()).isEqualTo(FIRST.plusDays(27));
        assertThat(period.deviceSupplyCode()).isEqualTo("X-DEV");
        assertThat(payer.month(YearMonth.of(2026, 3), List.of(new TimeEntry(FIRST, 45, true))).codes())
                .containsExactly(new CodeCount("98980", 1), new CodeCount("98981", 1));
        assertThat(payer.month(YearMonth.of(2026, 3), List.of(new TimeEntry(FIRST, 5, true))).codes())
                .containsExactly(new CodeCount("98979", 1));
        assertThat(payer.periodRule()).contains("28 days", "12 or more days with data reach X-DEV");
        assertThat(payer.timeRule()).contains("30 qualifying minutes reach 98980", "each further 15");
    }

    private static List<CodeCount> codes(int interactiveMinutes) {
        return RULE.month(YearMonth.of(2026, 3), List.of(new TimeEntry(FIRST, interactiveMinutes, true))).codes();
    }

    /** The first {@code n} days from FIRST, every other day (all inside one 30-day period while n ≤ 15, else daily). */
    private static List<LocalDate> days(int n) {
        List<LocalDate> days = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> days.add(FIRST.plusDays(n <= 15 ? 2L * i : i)));
        return days;
    }

    private static Period only(List<Period> periods) {
        assertThat(periods).hasSize(1);
        return periods.get(0);
    }
}
