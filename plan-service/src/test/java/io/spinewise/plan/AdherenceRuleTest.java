package io.spinewise.plan;

import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.AdherenceRule.CheckOffCount;
import io.spinewise.plan.domain.AdherenceRule.Pause;
import io.spinewise.plan.domain.AdherenceRule.Schedule;
import io.spinewise.plan.domain.DaysOfWeek;
import io.spinewise.plan.domain.PainTrend;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The adherence rule on hand-picked cases; the end-to-end {@code AdherenceOracleIT} adds random histories. */
class AdherenceRuleTest {

    private static final UUID PLAN = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    // a Monday
    private static final LocalDate MON = LocalDate.of(2026, 11, 16);

    private static Schedule daily(UUID plan, LocalDate from, LocalDate until, int sessions) {
        return new Schedule(plan, from, until, DaysOfWeek.EVERY_DAY, sessions);
    }

    private static List<CheckOffCount> counts(UUID plan, LocalDate from, int... perDay) {
        List<CheckOffCount> counts = new ArrayList<>();
        for (int i = 0; i < perDay.length; i++) {
            if (perDay[i] > 0) {
                counts.add(new CheckOffCount(plan, from.plusDays(i), perDay[i]));
            }
        }
        return counts;
    }

    @Test
    void extraSessionsNeverPushADayOver100Percent() {
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 2)), List.of(),
                counts(PLAN, MON, 2, 1, 5), MON, MON.plusDays(2), MON.plusDays(10));
        assertThat(r.scheduled()).isEqualTo(6);
        assertThat(r.completed()).isEqualTo(5);
        assertThat(r.percentage()).isEqualTo(83.3);
    }

    @Test
    void onlyTheScheduledWeekdaysCountAndCheckOffsOnOtherDaysCountForNothing() {
        int monWedFri = DaysOfWeek.mask(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(new Schedule(PLAN, MON, null, monWedFri, 1)), List.of(),
                counts(PLAN, MON, 1, 1, 0, 1, 1, 1, 1), MON, MON.plusDays(6), MON.plusDays(6));
        assertThat(r.scheduled()).isEqualTo(3);
        assertThat(r.completed()).isEqualTo(2);
        assertThat(r.days()).hasSize(7);
        assertThat(r.days().get(1).scheduled()).isZero();
        assertThat(r.days().get(1).completed()).isZero();
    }

    @Test
    void pausedDaysAreExcludedAndAnOpenPauseLastsUntilToday() {
        List<Pause> pauses = List.of(new Pause(PLAN, MON.plusDays(1), MON.plusDays(2)), new Pause(PLAN, MON.plusDays(5), null));
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)), pauses,
                counts(PLAN, MON, 1, 1, 1, 0, 1, 1, 1), MON, MON.plusDays(6), MON.plusDays(6));
        // scheduled: Mon, Thu, Fri; paused Tue-Wed and Sat-Sun
        assertThat(r.scheduled()).isEqualTo(3);
        assertThat(r.completed()).isEqualTo(2);
        // the pause of another plan changes nothing
        AdherenceRule.Result unpaused = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)),
                List.of(new Pause(OTHER, MON, null)), List.of(), MON, MON.plusDays(6), MON.plusDays(6));
        assertThat(unpaused.scheduled()).isEqualTo(7);
    }

    @Test
    void eachVersionCountsOnlyOnItsOwnDaysAndPlansAddUp() {
        List<Schedule> schedules = List.of(daily(PLAN, MON, MON.plusDays(2), 1), daily(PLAN, MON.plusDays(3), null, 3),
                daily(OTHER, MON.plusDays(5), MON.plusDays(5), 2));
        AdherenceRule.Result r = AdherenceRule.evaluate(schedules, List.of(), counts(PLAN, MON, 2, 2, 2, 3, 1, 3, 3),
                MON, MON.plusDays(6), MON.plusDays(6));
        assertThat(r.scheduled()).isEqualTo(3 + 4 * 3 + 2);
        assertThat(r.completed()).isEqualTo(3 + 3 + 1 + 3 + 3);
        assertThat(r.days().get(5)).isEqualTo(new AdherenceRule.Day(MON.plusDays(5), 5, 3));
    }

    @Test
    void theWindowStopsAtTheTodayOfThePatient() {
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)), List.of(),
                counts(PLAN, MON, 1, 1), MON, MON.plusDays(30), MON.plusDays(1));
        assertThat(r.to()).isEqualTo(MON.plusDays(1));
        assertThat(r.scheduled()).isEqualTo(2);
        assertThat(AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)), List.of(), List.of(), MON.plusDays(5),
                MON.plusDays(9), MON).days()).isEmpty();
        assertThat(AdherenceRule.evaluate(List.of(), List.of(), List.of(), MON, MON.plusDays(3), MON.plusDays(3))
                .percentage()).isNull();
    }

    @Test
    void anUnfinishedTodayNeitherBreaksNorExtendsTheStreak() {
        // Mon..Fri done, Sat today not yet
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)), List.of(),
                counts(PLAN, MON, 1, 1, 1, 1, 1, 0), MON, MON.plusDays(5), MON.plusDays(5));
        assertThat(r.currentStreak()).isEqualTo(5);
        assertThat(r.longestStreak()).isEqualTo(5);
        // today complete: it joins the streak at once
        AdherenceRule.Result done = AdherenceRule.evaluate(List.of(daily(PLAN, MON, null, 1)), List.of(),
                counts(PLAN, MON, 1, 1, 1, 1, 1, 1), MON, MON.plusDays(5), MON.plusDays(5));
        assertThat(done.currentStreak()).isEqualTo(6);
    }

    @Test
    void aMissedDayBreaksTheStreakAndRestOrPausedDaysDoNot() {
        int notWednesday = DaysOfWeek.EVERY_DAY & ~DaysOfWeek.mask(EnumSet.of(DayOfWeek.WEDNESDAY));
        List<Pause> pauses = List.of(new Pause(PLAN, MON.plusDays(4), MON.plusDays(4)));
        // Mon ok, Tue ok, Wed rest, Thu ok, Fri paused, Sat ok, Sun missed, Mon ok, Tue half, Wed rest, Thu ok
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(new Schedule(PLAN, MON, null, notWednesday, 2)), pauses,
                counts(PLAN, MON, 2, 2, 0, 2, 0, 2, 0, 2, 1, 0, 2), MON, MON.plusDays(10), MON.plusDays(12));
        assertThat(r.longestStreak()).isEqualTo(4);
        assertThat(r.currentStreak()).isEqualTo(1);
    }

    @Test
    void thePercentageIsRoundedHalfUpToOneDecimal() {
        assertThat(AdherenceRule.percentage(2, 3)).isEqualTo(66.7);
        assertThat(AdherenceRule.percentage(1, 8)).isEqualTo(12.5);
        assertThat(AdherenceRule.percentage(1, 16)).isEqualTo(6.3);
        assertThat(AdherenceRule.percentage(0, 0)).isNull();
    }

    @Test
    void todayIsTheLocalDateOfThePatientAcrossDaylightSavingChanges() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // DST starts 2026-03-08 at 02:00 local (07:00 UTC)
        assertThat(AdherenceRule.today(Instant.parse("2026-03-08T04:59:00Z"), newYork)).isEqualTo("2026-03-07");
        assertThat(AdherenceRule.today(Instant.parse("2026-03-08T05:00:00Z"), newYork)).isEqualTo("2026-03-08");
        // after the change midnight is 04:00 UTC
        assertThat(AdherenceRule.today(Instant.parse("2026-03-09T03:59:00Z"), newYork)).isEqualTo("2026-03-08");
        assertThat(AdherenceRule.today(Instant.parse("2026-03-09T04:00:00Z"), newYork)).isEqualTo("2026-03-09");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // DST ends 2026-10-25: midnight is 22:00 UTC before, 23:00 UTC after
        assertThat(AdherenceRule.today(Instant.parse("2026-10-24T22:30:00Z"), berlin)).isEqualTo("2026-10-25");
        assertThat(AdherenceRule.today(Instant.parse("2026-10-25T22:30:00Z"), berlin)).isEqualTo("2026-10-25");
        assertThat(AdherenceRule.today(Instant.parse("2026-10-25T23:00:00Z"), berlin)).isEqualTo("2026-10-26");
    }

    @Test
    void aWeekWithADaylightSavingChangeStillHasSevenScheduledDays() {
        LocalDate mondayBeforeChange = LocalDate.of(2026, 10, 19);
        AdherenceRule.Result r = AdherenceRule.evaluate(List.of(daily(PLAN, mondayBeforeChange, null, 1)), List.of(),
                List.of(), mondayBeforeChange, mondayBeforeChange.plusDays(6), mondayBeforeChange.plusDays(6));
        assertThat(r.scheduled()).isEqualTo(7);
    }

    @Test
    void painTrendComparesTheFirstAndLastRatings() {
        List<PainTrend.Rating> ratings = List.of(new PainTrend.Rating(MON, 8, 6), new PainTrend.Rating(MON.plusDays(1), 7, null),
                new PainTrend.Rating(MON.plusDays(2), null, 5), new PainTrend.Rating(MON.plusDays(3), 6, 4),
                new PainTrend.Rating(MON.plusDays(8), 3, 2), new PainTrend.Rating(MON.plusDays(9), 2, null));
        PainTrend trend = PainTrend.of(ratings);
        assertThat(trend.latest()).isEqualTo(2);
        // five ratings before: k = 2, so the first two against the last two
        assertThat(trend.early()).isEqualTo(7.5);
        assertThat(trend.recent()).isEqualTo(2.5);
        assertThat(trend.change()).isEqualTo(-5.0);
        assertThat(trend.reports()).isEqualTo(5);
        assertThat(trend.weeks()).hasSize(2);
        assertThat(trend.weeks().get(0).before()).isEqualTo(7.0);
        assertThat(trend.weeks().get(0).after()).isEqualTo(5.0);
        assertThat(PainTrend.of(List.of(new PainTrend.Rating(MON, 4, null))).change()).isNull();
    }
}
