package io.spinewise.web.client.model;

import java.time.Instant;

/**
 * The patient's calendar feed (GET and DELETE /api/me/calendar-feed): whether it is on, the local time of
 * the day's first session (HH:mm) and since when the current link is valid (null while off).
 */
public record CalendarFeed(boolean on, String startsAt, Instant since) {
}
