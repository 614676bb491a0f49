package io.spinewise.web.page;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A date from a form field or a link. A browser with a date picker shows the date in its own
 * locale but always sends ISO-8601 ({@code 2026-11-23}); a browser without one shows a text box
 * and sends whatever was typed. Only the ISO-8601 order is read (year, month, day; "2026-11-3"
 * too): "03/04/2026" means two different days depending on where the reader lives, so it is
 * refused with a sentence saying what to type, and the typed text is kept to show again.
 *
 * @param text  what was sent, stripped ("" when nothing)
 * @param value the date; the fallback when nothing was sent; null when the text is not a date
 * @param error the sentence for the page when the text is not a date, else null
 */
public record DateInput(String text, LocalDate value, String error) {

    /** The format the pages ask for, shown next to date fields. */
    public static final String FORMAT = "YYYY-MM-DD";

    /** Year, month, day as ISO-8601 orders them, single digits allowed; only dates that exist (no 30 February). */
    private static final DateTimeFormatter ISO_ORDER = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    public static DateInput read(String text, LocalDate fallback) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return new DateInput("", fallback, null);
        }
        try {
            return new DateInput(typed, LocalDate.parse(typed, ISO_ORDER), null);
        } catch (DateTimeParseException e) {
            return new DateInput(typed, null, "“" + typed + "” is not a date we can read. Type it as " + FORMAT
                    + ", for example 2026-11-23.");
        }
    }

    public boolean valid() {
        return error == null;
    }

    /** What the field shows again: the date read, else the text as it was typed. */
    public String field() {
        return value != null ? value.toString() : text;
    }

    /** The date, or a 400 answer with the error: for links, which have no form to show it in. */
    LocalDate orRefuse() {
        if (!valid()) {
            throw new UnreadableInput(error);
        }
        return value;
    }
}
