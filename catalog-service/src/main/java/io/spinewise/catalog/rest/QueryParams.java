package io.spinewise.catalog.rest;

import io.spinewise.catalog.api.Slugs;
import io.spinewise.common.problem.ProblemException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Query parameters parsed by hand: JAX-RS would answer an unknown enum value with a bare 404
 * (and drop an empty value from a list), where a caller deserves a 400 naming the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * A repeated slug parameter: at most {@code max} values, each a well-formed slug, kept in
     * the order given without repeats. A malformed slug is the caller's mistake and gets a 400;
     * a well-formed one that names nothing is not an error (the caller learns it by its absence).
     */
    static Set<String> slugs(List<String> values, String name, int max) {
        if (values.size() > max) {
            throw ProblemException.invalid(name, "at most " + max + " per request, got " + values.size());
        }
        Set<String> slugs = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.length() > Slugs.MAX_LENGTH || !value.matches(Slugs.PATTERN)) {
                throw ProblemException.invalid(name, "'" + shortened(value) + "' " + Slugs.MESSAGE
                        + ", at most " + Slugs.MAX_LENGTH + " characters");
            }
            slugs.add(value);
        }
        return slugs;
    }

    /** Enough of a bad value to recognise it, never a whole oversized one echoed back. */
    private static String shortened(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= Slugs.MAX_LENGTH ? value : value.substring(0, Slugs.MAX_LENGTH) + "…";
    }
}
