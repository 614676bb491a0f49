package io.spinewise.web.reminders;

import io.spinewise.web.client.model.ReminderPreferences;

/** The reminder form's fields as shown: the saved settings, or what the patient typed after a refusal. */
record ReminderForm(boolean email, boolean push, String remindAt, String quietFrom, String quietUntil) {

    static ReminderForm of(ReminderPreferences saved) {
        return new ReminderForm(saved.email(), saved.push(), saved.remindAt(), saved.quietFrom(), saved.quietUntil());
    }
}
