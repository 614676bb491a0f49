package io.spinewise.web.client.model;

/** The body of PUT /api/me/calendar-feed: the time of the day's first session (HH:mm), null to keep it. */
public record CalendarFeedRequest(String startsAt) {
}
