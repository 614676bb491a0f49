package io.spinewise.common.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Dates and ids in exactly one spelling: {@code 2026-11-23} (a real day, between 2000 and 2099:
 * the years a clinic's plans and sessions live in), and a UUID's canonical 36 characters.
 * The lenient readers would take {@code 2026-03-01\u0000} (trimmed), {@code 2026-03-01T00:00Z}
 * (the time dropped), {@code []} (as no date), {@code +10000-01-01} or {@code 1-1-1-1-1}.
 */
public final class PlausibleValues {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);
    public static final String DATE_RULE = "must be a date like 2026-11-23, between " + FIRST_DAY + " and " + LAST_DAY;
    public static final String UUID_RULE = "must be a UUID";
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern CANONICAL_UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private PlausibleValues() {
    }

    /** The date {@code text} spells, or empty when it is not one in the accepted years. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text, ISO_STRICT);
            return date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY) ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The UUID {@code text} spells in canonical form, or empty. */
    public static Optional<UUID> uuid(String text) {
        return text != null && CANONICAL_UUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}
