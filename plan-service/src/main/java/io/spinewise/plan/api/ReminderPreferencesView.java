package io.spinewise.plan.api;

import io.spinewise.plan.domain.ReminderChannel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** My reminders as they are in force: my own choice, or my clinic's default until I choose. */
public record ReminderPreferencesView(
        @Schema(description = "EMAIL, PUSH; empty: no reminders") List<ReminderChannel> channels,
        @Schema(description = "My local time of the day's first reminder, HH:mm") String remindAt,
        @Schema(nullable = true, description = "Start of my quiet hours, HH:mm (local)") String quietFrom,
        @Schema(nullable = true, description = "End of my quiet hours, HH:mm (local); may be before the start,"
                + " i.e. after midnight") String quietUntil,
        @Schema(description = "false while my clinic's default applies") boolean chosen,
        @Schema(description = "false when no e-mail address is on record: then no reminder mail is sent")
        boolean emailAvailable) {
}
