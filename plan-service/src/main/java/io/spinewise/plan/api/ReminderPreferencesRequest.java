package io.spinewise.plan.api;

import io.spinewise.plan.domain.ReminderChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** My reminder choice: every field but the quiet hours is required; quiet hours are both given or neither. */
public record ReminderPreferencesRequest(
        @Schema(description = "EMAIL, PUSH; empty for no reminders")
        @NotNull(message = "is required, [] for no reminders") @Size(max = 2) List<@NotNull ReminderChannel> channels,
        @Schema(description = "My local time of the day's first reminder, HH:mm (24 h)")
        @NotNull(message = "is required") @Pattern(regexp = HH_MM, message = TIME) String remindAt,
        @Schema(nullable = true, description = "Start of quiet hours, HH:mm")
        @Pattern(regexp = HH_MM, message = TIME) String quietFrom,
        @Schema(nullable = true, description = "End of quiet hours, HH:mm; before the start means after midnight")
        @Pattern(regexp = HH_MM, message = TIME) String quietUntil) {

    /** A time of day, 24 h. */
    public static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String TIME = "must be a time of day as HH:mm, e.g. 18:00";
}
