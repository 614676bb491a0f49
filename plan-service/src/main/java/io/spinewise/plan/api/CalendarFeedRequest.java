package io.spinewise.plan.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Turning my calendar feed on, or giving it a new link: optionally the time of my day's first session. */
public record CalendarFeedRequest(
        @Schema(nullable = true, description = "My local time of the day's first session, HH:mm (24 h);"
                + " none keeps the one chosen before, else 18:00")
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a time of day as HH:mm, e.g. 18:00")
        String startsAt) {
}
