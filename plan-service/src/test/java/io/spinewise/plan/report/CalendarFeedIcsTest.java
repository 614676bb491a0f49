package io.spinewise.plan.report;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.ICalTimeZone;
import biweekly.io.text.ICalReader;
import io.spinewise.plan.domain.AdherenceRule;
import io.spinewise.plan.domain.SessionCalendar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's document read back by an independent parser (biweekly), which turns each DTSTART into an
 * instant through the VTIMEZONE the feed carries: across Zurich's change to summer time (28 March 2027)
 * every session must start at 18:00 local time, i.e. 17:00 UTC before and 16:00 UTC after.
 */
class CalendarFeedIcsTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final UUID PLAN = UUID.fromString("5d1f4f0e-8a43-4c55-9a4b-0c1d2e3f4a5b");
    private static final LocalDate FROM = LocalDate.of(2027, 3, 21);
    private static final LocalDate TO = LocalDate.of(2027, 4, 4);
    /** Daily, two sessions a day, paused on 1 and 2 April. */
    private static final List<AdherenceRule.Schedule> DAILY_TWICE = List.of(
            new AdherenceRule.Schedule(PLAN, LocalDate.of(2027, 3, 1), null, 127, 2));
    private static final List<AdherenceRule.Pause> PAUSED_1_2_APRIL = List.of(
            new AdherenceRule.Pause(PLAN, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 4, 2)));

    @Test
    void everySessionStartsAtTheChosenLocalTimeOnBothSidesOfTheChangeToSummerTime() throws IOException {
        List<SessionCalendar.Slot> slots = SessionCalendar.slots(DAILY_TWICE, PAUSED_1_2_APRIL, FROM, TO,
                LocalTime.of(18, 0));
        String ics = CalendarFeedIcs.write(ZURICH, slots, FROM, TO, Instant.parse("2027-03-20T10:00:00Z"));

        ICalendar calendar;
        try (ICalReader reader = new ICalReader(ics)) {
            calendar = reader.readNext();
            assertThat(reader.getWarnings()).as("the parser's complaints").isEmpty();
        }
        List<Instant> firstSessions = new ArrayList<>();
        List<Instant> secondSessions = new ArrayList<>();
        for (VEvent e : calendar.getEvents()) {
            Instant start = e.getDateStart().getValue().toInstant();
            assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(start.plus(SessionCalendar.LENGTH));
            assertThat(e.getSummary().getValue()).isEqualTo(CalendarFeedIcs.TITLE);
            (e.getDescription().getValue().startsWith("Session 1") ? firstSessions : secondSessions).add(start);
        }
        List<Instant> expectedFirst = new ArrayList<>();
        List<Instant> expectedSecond = new ArrayList<>();
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            if (!d.isBefore(LocalDate.of(2027, 4, 1)) && !d.isAfter(LocalDate.of(2027, 4, 2))) {
                continue;
            }
            expectedFirst.add(d.atTime(18, 0).atZone(ZURICH).toInstant());
            expectedSecond.add(d.atTime(21, 0).atZone(ZURICH).toInstant());
        }
        assertThat(firstSessions).containsExactlyElementsOf(expectedFirst);
        assertThat(secondSessions).containsExactlyElementsOf(expectedSecond);
        assertThat(firstSessions).contains(Instant.parse("2027-03-27T17:00:00Z"), Instant.parse("2027-03-28T16:00:00Z"));
        assertThat(calendar.getEvents()).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates()
                .noneMatch(uid -> uid.contains(PLAN.toString()));
        assertThat(ics).contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n", "X-PUBLISHED-TTL:PT12H\r\n",
                "BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n", "DTSTART;TZID=Europe/Zurich:20270328T180000\r\n");
        assertThat(Biweekly.parse(ics).all()).hasSize(1);
    }

    /**
     * The VTIMEZONE on its own (biweekly resolves a known TZID by Java's zone, so the test above alone
     * would not notice a wrong one): read by biweekly as a time zone, it gives Zurich's offset for the
     * sessions' local time on every day of the window, the change to summer time included.
     */
    @Test
    void theFeedsOwnTimeZoneGivesZurichsOffsetsAcrossTheChange() {
        String ics = CalendarFeedIcs.write(ZURICH, List.of(), FROM, TO, Instant.parse("2027-03-20T10:00:00Z"));
        VTimezone written = Biweekly.parse(ics).first().getTimezoneInfo().getComponents().iterator().next();
        TimeZone zone = new ICalTimeZone(written);

        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            int offset = zone.getOffset(GregorianCalendar.AD, d.getYear(), d.getMonthValue() - 1, d.getDayOfMonth(),
                    d.getDayOfWeek().getValue() % 7 + 1, 18 * 3_600_000);
            assertThat(offset).as("offset at 18:00 on %s", d)
                    .isEqualTo(d.atTime(18, 0).atZone(ZURICH).getOffset().getTotalSeconds() * 1000);
        }
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacterAndTextIsEscaped() {
        String value = "Übung; Rücken, Schulter\\Nacken\n" + "é".repeat(60);
        String written = new IcsLines().text("DESCRIPTION", value).toString();

        for (String line : written.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(written).endsWith("\r\n").doesNotContain("\uFFFD");
        String unfolded = written.replace("\r\n ", "");
        assertThat(unfolded).isEqualTo("DESCRIPTION:Übung\\; Rücken\\, Schulter\\\\Nacken\\n" + "é".repeat(60) + "\r\n");
    }

    @Test
    void laterSessionsOfADayStayOnThatDay() {
        List<SessionCalendar.Slot> slots = SessionCalendar.slots(List.of(
                        new AdherenceRule.Schedule(PLAN, FROM, FROM, 127, 6)), List.of(), FROM, FROM,
                LocalTime.of(20, 0));
        assertThat(slots).extracting(s -> s.start().toLocalTime().toString())
                .containsExactly("20:00", "20:36", "21:12", "21:48", "22:24", "23:00");
    }

    @Test
    void theTimeZoneOffsetsAreWrittenAsRfc5545Wants() {
        assertThat(IcsTimeZone.offset(ZoneOffset.ofHoursMinutes(-3, -30))).isEqualTo("-0330");
        assertThat(IcsTimeZone.offset(ZoneOffset.ofHours(1))).isEqualTo("+0100");
    }
}
