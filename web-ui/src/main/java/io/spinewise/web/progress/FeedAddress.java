package io.spinewise.web.progress;

import io.spinewise.web.calendar.CalendarFeedPassThrough;

import java.net.URI;

/**
 * Where a calendar app subscribes to the patient's feed, on web-ui's public address: the
 * {@code webcal://} form, which phones and desktop calendars open as a subscription, and the plain
 * https (http locally) form to paste into a web calendar.
 */
record FeedAddress(String web, String webcal) {

    /** {@code base}: web-ui's address as the browser reached it (forwarded headers of trusted proxies included). */
    static FeedAddress of(URI base, String token) {
        URI feed = base.resolve(CalendarFeedPassThrough.PUBLIC_FEED.substring(1).replace("{token}", token));
        String web = feed.toString();
        return new FeedAddress(web, "webcal" + web.substring(web.indexOf(':')));
    }
}
