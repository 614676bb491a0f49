package io.spinewise.web.reminders;

import io.spinewise.web.client.model.ReminderStatus;
import io.spinewise.web.client.model.SentReminder;

import java.time.Instant;
import java.util.List;

/**
 * A patient's reminders due since a moment (the chiropractor's "last 14 days" beside adherence): each as a
 * row in the patient's zone, and how many went out, were not needed (skipped), failed or wait.
 * {@code available} false when plan-service could not say.
 */
public record RecentReminders(boolean available, List<ReminderRow> rows, String zone, long sent, long skipped,
                              long failed, long pending) {

    /** {@code newestFirst}: as plan-service lists them; those due before {@code since} are left out. */
    public static RecentReminders of(List<SentReminder> newestFirst, String timeZone, Instant since) {
        List<SentReminder> recent = newestFirst.stream()
                .filter(r -> r.dueAt() != null && !r.dueAt().isBefore(since)).toList();
        return new RecentReminders(true, ReminderRow.of(recent, timeZone), ReminderRow.zoneName(timeZone),
                count(recent, ReminderStatus.SENT), count(recent, ReminderStatus.SKIPPED),
                count(recent, ReminderStatus.FAILED), count(recent, ReminderStatus.PENDING));
    }

    public static RecentReminders unavailable() {
        return new RecentReminders(false, List.of(), "", 0, 0, 0, 0);
    }

    private static long count(List<SentReminder> reminders, ReminderStatus status) {
        return reminders.stream().filter(r -> r.status() == status).count();
    }
}
