package io.spinewise.plan.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A VTIMEZONE for a zone over a window, written from Java's own zone rules: one observance for the
 * offset in force when the window starts and one per transition inside it, each with its own DTSTART
 * (no RRULE), so what a calendar shows is exactly what {@code java.time} computes, whatever the zone's
 * history.
 */
final class IcsTimeZone {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private IcsTimeZone() {
    }

    static void write(IcsLines lines, ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        lines.raw("BEGIN", "VTIMEZONE").text("TZID", zone.getId());
        ZoneOffsetTransition before = rules.previousTransition(from);
        if (before == null) {
            ZoneOffset offset = rules.getOffset(from);
            observance(lines, rules.isDaylightSavings(from), EPOCH, offset, offset);
        } else {
            observance(lines, rules.isDaylightSavings(before.getInstant()), before.getDateTimeBefore(),
                    before.getOffsetBefore(), before.getOffsetAfter());
        }
        for (ZoneOffsetTransition t : transitions(rules, from, to)) {
            observance(lines, rules.isDaylightSavings(t.getInstant()), t.getDateTimeBefore(), t.getOffsetBefore(),
                    t.getOffsetAfter());
        }
        lines.raw("END", "VTIMEZONE");
    }

    private static List<ZoneOffsetTransition> transitions(ZoneRules rules, Instant from, Instant to) {
        List<ZoneOffsetTransition> found = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
             t = rules.nextTransition(t.getInstant())) {
            found.add(t);
        }
        return found;
    }

    private static void observance(IcsLines lines, boolean daylight, LocalDateTime start, ZoneOffset fromOffset,
                                   ZoneOffset toOffset) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        lines.raw("BEGIN", kind)
                .raw("DTSTART", LOCAL.format(start))
                .raw("TZOFFSETFROM", offset(fromOffset))
                .raw("TZOFFSETTO", offset(toOffset))
                .raw("END", kind);
    }

    /** {@code +0100}, {@code -0330}, {@code +013045} (seconds only when there are any). */
    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = String.format("%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format("%02d", abs % 60);
    }
}
