package io.spinewise.plan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A time zone in which it is now between 12:00 and 13:00, so that a reminder at 11:00 is due and one at 20:00
 * is not, whenever the test runs (the service's clock is the real one).
 */
final class Noon {

    private Noon() {
    }

    /** {@code Etc/GMT±n} (whose sign is the inverse of the offset) where the local hour is 12 now. */
    static String zone() {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = 12 - utcHour;
        String id = offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset;
        return ZoneId.of(id).getId();
    }
}
