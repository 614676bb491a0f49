package io.spinewise.catalog.rest;

import io.spinewise.common.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Enum-valued query parameters parsed by hand: JAX-RS would answer an unknown value with a
 * bare 404, where a caller deserves a 400 naming the allowed values.
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
}
