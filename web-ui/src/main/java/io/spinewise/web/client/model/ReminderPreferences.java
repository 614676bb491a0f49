package io.spinewise.web.client.model;

import java.util.List;

/**
 * The patient's reminders (GET and PUT /api/me/reminders): channels (empty: none), the local time of the
 * day's first reminder and quiet hours (HH:mm; null: none); {@code chosen} false while the clinic's default
 * applies; {@code emailAvailable} false when no e-mail address is on record (then no mail is sent).
 */
public record ReminderPreferences(List<ReminderChannel> channels, String remindAt, String quietFrom,
                                  String quietUntil, boolean chosen, boolean emailAvailable) {

    public boolean email() {
        return channels != null && channels.contains(ReminderChannel.EMAIL);
    }

    public boolean push() {
        return channels != null && channels.contains(ReminderChannel.PUSH);
    }
}
