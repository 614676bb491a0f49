package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.Languages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request's {@code Accept-Language} (RFC 9110 §12.5.4, with q-values) into the translated
 * languages to try, best first: only the primary tag counts (de-CH asks for de), a range with q=0
 * is refused, and English (or {@code *}) ends the list, since English is what every exercise has.
 * A malformed header is ignored, as the RFC allows: the answer is English, not an error.
 */
final class AcceptLanguage {

    /** Longer headers are not read at all; browsers send a few dozen characters. */
    private static final int MAX_LENGTH = 1000;

    private AcceptLanguage() {
    }

    static List<String> preferred(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_LENGTH) {
            return List.of();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // sorted by q, stable for equal ones
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> preferred = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
            if (primary.equals(Languages.ENGLISH) || primary.equals("*")) {
                break;
            }
            if (Languages.TRANSLATED.contains(primary) && !preferred.contains(primary)) {
                preferred.add(primary);
            }
        }
        return List.copyOf(preferred);
    }
}
