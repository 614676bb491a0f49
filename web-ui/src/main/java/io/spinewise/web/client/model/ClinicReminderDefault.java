package io.spinewise.web.client.model;

import java.util.List;

/**
 * The clinic's default reminders (GET and PUT /api/clinic/reminder-default), for patients who have not
 * chosen: channels (empty: none until a patient turns them on) and the patient's local time, HH:mm.
 */
public record ClinicReminderDefault(List<ReminderChannel> channels, String remindAt) {

    public boolean email() {
        return channels != null && channels.contains(ReminderChannel.EMAIL);
    }

    public boolean push() {
        return channels != null && channels.contains(ReminderChannel.PUSH);
    }
}
