package io.spinewise.web.client.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** When a plan is done, in the patient's time zone. */
public record Schedule(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay, LocalDate startDate, LocalDate endDate) {

    /** "Every day, once a day" / "Mon, Wed, Fri, twice a day". */
    public String text() {
        return describe(daysOfWeek, sessionsPerDay);
    }

    /** The same words for a template's suggested schedule, which has no dates. */
    static String describe(Set<DayOfWeek> daysOfWeek, Integer sessionsPerDay) {
        String days = daysOfWeek == null || daysOfWeek.size() == 7 ? "Every day"
                : daysOfWeek.stream().sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(", "));
        int n = sessionsPerDay == null ? 1 : sessionsPerDay;
        String times = switch (n) {
            case 1 -> "once a day";
            case 2 -> "twice a day";
            default -> n + " times a day";
        };
        return days + ", " + times;
    }
}
