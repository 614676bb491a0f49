package io.spinewise.plan.report;

import io.spinewise.plan.domain.SessionCalendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * A patient's calendar feed as an iCalendar document (RFC 5545), written by hand: a dozen properties
 * of one shape, where a library would bring its own time-zone database (ical4j) or none that Java's
 * rules could be written into (biweekly), and the parsers the tests use check the result. Events name
 * no exercise, pain or note: a calendar is often shared or shown on a lock screen.
 */
public final class CalendarFeedIcs {

    /** The media type of the answer. */
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    /** Every event's title. */
    public static final String TITLE = "Spinewise: home exercises";
    /** How often a calendar should fetch the feed again (RFC 7986, and Outlook's older property). */
    static final String REFRESH = "PT12H";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFeedIcs() {
    }

    public static String write(ZoneId zone, List<SessionCalendar.Slot> slots, LocalDate from, LocalDate to,
                               Instant now) {
        IcsLines lines = new IcsLines()
                .raw("BEGIN", "VCALENDAR")
                .raw("VERSION", "2.0")
                .text("PRODID", "-//Spinewise//Calendar feed//EN")
                .raw("CALSCALE", "GREGORIAN")
                .raw("METHOD", "PUBLISH")
                .text("NAME", "Spinewise")
                .text("X-WR-CALNAME", "Spinewise")
                .text("X-WR-TIMEZONE", zone.getId())
                .raw("REFRESH-INTERVAL;VALUE=DURATION", REFRESH)
                .raw("X-PUBLISHED-TTL", REFRESH);
        IcsTimeZone.write(lines, zone, from.atStartOfDay(zone).toInstant(),
                to.plusDays(2).atStartOfDay(zone).toInstant());
        String stamp = UTC.format(now);
        for (SessionCalendar.Slot s : slots) {
            lines.raw("BEGIN", "VEVENT")
                    .text("UID", uid(s))
                    .raw("DTSTAMP", stamp)
                    .raw("DTSTART;TZID=" + zone.getId(), IcsTimeZone.LOCAL.format(s.start()))
                    .raw("DTEND;TZID=" + zone.getId(), IcsTimeZone.LOCAL.format(s.end()))
                    .text("SUMMARY", TITLE)
                    .text("DESCRIPTION", "Session " + s.slot() + " of the day. Open Spinewise to see the routine.")
                    .raw("TRANSP", "TRANSPARENT")
                    .raw("END", "VEVENT");
        }
        return lines.raw("END", "VCALENDAR").toString();
    }

    /**
     * The same for the same plan, date and slot in every fetch, so a calendar updates an event instead of
     * adding it again; a hash of the three, so the feed does not carry the plan's id.
     */
    static String uid(SessionCalendar.Slot s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (s.planId() + "/" + s.date() + "/" + s.slot()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + "@spinewise";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
