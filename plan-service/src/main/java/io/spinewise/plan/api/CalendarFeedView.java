package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Whether my calendar feed is on, the local time its sessions start at, and since when its link is valid. */
public record CalendarFeedView(boolean on,
                               @Schema(description = "My local time of the day's first session, HH:mm") String startsAt,
                               @Schema(nullable = true, description = "When the current link was made; none while off")
                               Instant since) {
}
