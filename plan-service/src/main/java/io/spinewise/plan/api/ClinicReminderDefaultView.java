package io.spinewise.plan.api;

import io.spinewise.plan.domain.ReminderChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The reminders the clinic's patients get until they choose their own (also the body of a PUT). */
public record ClinicReminderDefaultView(
        @Schema(description = "EMAIL, PUSH; empty: no reminders until a patient turns them on")
        @NotNull(message = "is required, [] for no reminders") @Size(max = 2) List<@NotNull ReminderChannel> channels,
        @Schema(description = "The patient's local time of the day's first reminder, HH:mm (24 h)")
        @NotNull(message = "is required")
        @Pattern(regexp = ReminderPreferencesRequest.HH_MM, message = ReminderPreferencesRequest.TIME)
        String remindAt) {
}
