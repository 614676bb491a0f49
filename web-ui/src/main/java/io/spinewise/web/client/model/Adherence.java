package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Adherence over a window, with the formula the figures follow. */
public record Adherence(UUID patientId, UUID planId, LocalDate from, LocalDate to, LocalDate today, long scheduled,
                        long completed, Double percentage, int currentStreak, int longestStreak,
                        LocalDate lastSession, Pain pain, String formula, List<Day> days) {

    public record Day(LocalDate date, int scheduled, int completed) {
    }

    /** How pain moved (0–10): latest rating, change = recent − early (negative = better), weekly means. */
    public record Pain(Integer latest, Double early, Double recent, Double change, int reports, List<Week> weeks) {

        public List<Week> weeksOrEmpty() {
            return weeks == null ? List.of() : weeks;
        }
    }

    public record Week(LocalDate weekStart, Double before, Double after) {
    }

    public List<Day> daysOrEmpty() {
        return days == null ? List.of() : days;
    }
}
