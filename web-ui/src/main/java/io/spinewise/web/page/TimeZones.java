package io.spinewise.web.page;

import java.util.List;
import java.util.stream.Stream;

/**
 * The time zones the forms offer: the clinics' usual ones. plan-service accepts any IANA zone and
 * checks it; a patient already in another zone finds it first in the list, and a patient's device
 * may add its own (app.js, "Use this device's time zone").
 */
public final class TimeZones {

    public static final List<String> COMMON = List.of("Europe/Zurich", "Europe/Berlin", "Europe/London", "Europe/Paris",
            "America/New_York", "America/Chicago", "America/Los_Angeles", "Australia/Sydney", "UTC");

    private TimeZones() {
    }

    /** The common zones, with {@code own} first when it is not one of them. */
    public static List<String> offeredFor(String own) {
        return own == null || COMMON.contains(own) ? COMMON : Stream.concat(Stream.of(own), COMMON.stream()).toList();
    }
}
