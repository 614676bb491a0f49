package io.spinewise.web.reminders;

import io.spinewise.web.client.model.ReminderChannel;
import io.spinewise.web.client.model.ReminderStatus;
import io.spinewise.web.client.model.SentReminder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One planned reminder as a row of a page: the day and time it was due in the patient's own zone (24-hour
 * HH:mm, read alike in the four languages), its channel and what became of it.
 */
public record ReminderRow(LocalDate day, String time, ReminderChannel channel, ReminderStatus status, String detail) {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    /** {@code timeZone}: the patient's IANA zone; none or one Java does not know reads as UTC. */
    public static List<ReminderRow> of(List<SentReminder> reminders, String timeZone) {
        ZoneId zone = zone(timeZone);
        return reminders.stream().map(r -> {
            ZonedDateTime due = r.dueAt() == null ? null : r.dueAt().atZone(zone);
            return new ReminderRow(due == null ? r.sessionDate() : due.toLocalDate(),
                    due == null ? "—" : HOURS.format(due), r.channel(), r.status(), r.detail());
        }).toList();
    }

    /** The zone the times are written in, as the page names it. */
    public static String zoneName(String timeZone) {
        return zone(timeZone).getId();
    }

    static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
