package io.spinewise.plan.report;

import java.nio.charset.StandardCharsets;

/**
 * iCalendar content lines (RFC 5545 §3.1): CRLF endings, lines longer than 75 octets folded (CRLF and
 * one space) without splitting a UTF-8 character, TEXT values escaped (§3.3.11).
 */
final class IcsLines {

    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is already in its type's form (a date, a duration, a URI). */
    IcsLines raw(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value);
        return this;
    }

    /** A TEXT property: backslash, semicolon, comma and line breaks escaped. */
    IcsLines text(String name, String value) {
        return raw(name, escape(value));
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private void fold(String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
