package io.spinewise.web.settings;

import io.spinewise.web.client.model.ClinicReminderDefault;

import java.util.Map;

/**
 * The clinic's default reminders on the settings page, for patients who have not chosen their own:
 * {@code available} false when plan-service could not be asked (the thresholds still show); {@code email},
 * {@code push} and {@code remindAt} as shown (typed text after a refusal); {@code pushOffered} whether plan-service
 * sends Web Push (only then is PUSH a choice in the form); {@code message} after a save or a refusal.
 */
record ReminderDefaultSection(boolean available, boolean email, boolean push, boolean pushOffered, String remindAt,
                              Map<String, String> errors, String message, boolean saved) {

    static ReminderDefaultSection of(ClinicReminderDefault saved, boolean pushOffered) {
        return new ReminderDefaultSection(true, saved.email(), saved.push(), pushOffered, saved.remindAt(), Map.of(),
                null, false);
    }

    static ReminderDefaultSection unavailable() {
        return new ReminderDefaultSection(false, false, false, false, "", Map.of(), null, false);
    }

    ReminderDefaultSection saved(String message) {
        return new ReminderDefaultSection(available, email, push, pushOffered, remindAt, errors, message, true);
    }
}
