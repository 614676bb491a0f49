package io.spinewise.web.client.model;

import java.util.List;

/** The patient's choice of reminders (PUT /api/me/reminders); quiet hours null for none. */
public record ReminderPreferencesRequest(List<ReminderChannel> channels, String remindAt, String quietFrom,
                                         String quietUntil) {
}
