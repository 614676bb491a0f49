package io.spinewise.web.page;

import io.spinewise.web.client.model.Adherence;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarViewTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26); // a Thursday

    private static Map<LocalDate, CalendarView.Cell> cells(List<Adherence.Day> days) {
        Adherence adherence = new Adherence(null, null, TODAY.minusDays(3), TODAY, TODAY, 0, 0, null, 0, 0, null, null,
                null, days);
        return CalendarView.of(adherence).weeks().stream().flatMap(w -> w.days().stream())
                .collect(Collectors.toMap(CalendarView.Cell::date, c -> c));
    }

    @Test
    void anUnfinishedTodayIsNotMissedYet() {
        Map<LocalDate, CalendarView.Cell> cells = cells(List.of(
                new Adherence.Day(TODAY.minusDays(1), 2, 0), new Adherence.Day(TODAY, 2, 1)));
        assertThat(cells.get(TODAY).state()).isEqualTo("today");
        assertThat(cells.get(TODAY).label()).isEqualTo("Thursday 26 November 2026: today, 1 of 2 sessions done so far");
        assertThat(cells.get(TODAY.minusDays(1)).state()).isEqualTo("missed");
    }

    @Test
    void aFinishedTodayIsDoneAndTheDaysBeforeKeepTheirStates() {
        Map<LocalDate, CalendarView.Cell> cells = cells(List.of(new Adherence.Day(TODAY.minusDays(3), 1, 0),
                new Adherence.Day(TODAY.minusDays(2), 2, 1), new Adherence.Day(TODAY, 1, 1)));
        assertThat(cells.get(TODAY).state()).isEqualTo("done");
        assertThat(cells.get(TODAY).label()).endsWith(": 1 of 1 sessions done");
        assertThat(cells.get(TODAY.minusDays(3)).state()).isEqualTo("missed");
        assertThat(cells.get(TODAY.minusDays(2)).state()).isEqualTo("partial");
        assertThat(cells.get(TODAY.minusDays(1)).state()).isEqualTo("rest");
        assertThat(cells.get(TODAY.plusDays(1)).state()).isEqualTo("outside");
    }
}
