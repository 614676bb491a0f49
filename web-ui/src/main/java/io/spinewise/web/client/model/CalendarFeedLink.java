package io.spinewise.web.client.model;

import java.time.Instant;

/**
 * The answer of PUT /api/me/calendar-feed: the feed's new secret token, given this once (plan-service keeps
 * only its hash), and plan-service's path of the feed.
 */
public record CalendarFeedLink(boolean on, String startsAt, Instant since, String token, String feedPath) {
}
