package io.spinewise.web.page;

import io.spinewise.web.client.model.Adherence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A month-style calendar of scheduled against done sessions: weeks from Monday, one cell per
 * day with a state (done, partial, missed, today — not finished yet —, rest, upcoming, outside) and words for screen readers.
 */
public record CalendarView(List<Week> weeks) {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    public record Week(List<Cell> days) {
    }

    /** {@code label} is the English words; a page in another language writes them from the state and the figures. */
    public record Cell(LocalDate date, int dayOfMonth, String state, String label, int completed, int scheduled) {
    }

    public static CalendarView of(Adherence adherence) {
        if (adherence == null || adherence.from() == null) {
            return new CalendarView(List.of());
        }
        Map<LocalDate, Adherence.Day> byDate = new HashMap<>();
        for (Adherence.Day day : adherence.daysOrEmpty()) {
            byDate.put(day.date(), day);
        }
        LocalDate first = adherence.from();
        LocalDate last = adherence.to() == null ? first : adherence.to();
        LocalDate today = adherence.today();
        LocalDate start = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        List<Cell> current = new ArrayList<>();
        for (LocalDate date = start; !date.isAfter(end); date = date.plusDays(1)) {
            current.add(cell(date, first, last, today, byDate.get(date)));
            if (current.size() == 7) {
                weeks.add(new Week(current));
                current = new ArrayList<>();
            }
        }
        return new CalendarView(weeks);
    }

    private static Cell cell(LocalDate date, LocalDate first, LocalDate last, LocalDate today, Adherence.Day day) {
        String words = LABEL.format(date);
        if (date.isBefore(first) || date.isAfter(last)) {
            return new Cell(date, date.getDayOfMonth(), "outside", words + ": outside the period", 0, 0);
        }
        if (today != null && date.isAfter(today)) {
            return new Cell(date, date.getDayOfMonth(), "upcoming", words + ": upcoming", 0, 0);
        }
        if (day == null || day.scheduled() == 0) {
            return new Cell(date, date.getDayOfMonth(), "rest", words + ": nothing scheduled", 0, 0);
        }
        String done = day.completed() + " of " + day.scheduled() + " sessions done";
        if (day.completed() >= day.scheduled()) {
            return new Cell(date, date.getDayOfMonth(), "done", words + ": " + done, day.completed(), day.scheduled());
        }
        if (date.equals(today)) {
            // the day is not over: nothing is missed yet
            return new Cell(date, date.getDayOfMonth(), "today", words + ": today, " + done + " so far", day.completed(),
                    day.scheduled());
        }
        return new Cell(date, date.getDayOfMonth(), day.completed() > 0 ? "partial" : "missed", words + ": " + done,
                day.completed(), day.scheduled());
    }
}
