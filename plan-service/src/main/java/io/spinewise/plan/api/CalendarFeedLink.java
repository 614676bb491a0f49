package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * My calendar feed just turned on or given a new link: the token and the feed's path, shown this once
 * (only the token's hash is kept, so it cannot be read again; a lost link is replaced by a new one).
 */
public record CalendarFeedLink(boolean on,
                               @Schema(description = "My local time of the day's first session, HH:mm") String startsAt,
                               Instant since,
                               @Schema(description = "The feed's secret, 43 characters of base64url (256 random bits)")
                               String token,
                               @Schema(description = "The feed's path on plan-service: /api/calendar/{token}.ics")
                               String feedPath) {
}
