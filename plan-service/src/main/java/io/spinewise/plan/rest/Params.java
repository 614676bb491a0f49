package io.spinewise.plan.rest;

import io.spinewise.common.input.PlausibleValues;
import io.spinewise.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * Query parameters parsed by hand, so that a malformed one gets a 400 naming it and the
 * expected format rather than JAX-RS's bare 404.
 */
public final class Params {

    private Params() {
    }

    public static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PlausibleValues.date(value.strip()).orElseThrow(() -> ProblemException.invalid(name, PlausibleValues.DATE_RULE));
    }

    public static LocalDate requiredDate(String value, String name) {
        LocalDate date = date(value, name);
        if (date == null) {
            throw ProblemException.invalid(name, "is required (a date like 2026-11-23)");
        }
        return date;
    }

    /** A required calendar month, {@code YYYY-MM}. */
    public static YearMonth requiredMonth(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(name, "is required (a month like 2026-11)");
        }
        if (!value.strip().matches("(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])")) {
            throw ProblemException.invalid(name, "must be a month like 2026-11");
        }
        return YearMonth.parse(value.strip());
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PlausibleValues.uuid(value.strip()).orElseThrow(() -> ProblemException.invalid(name, PlausibleValues.UUID_RULE));
    }

    /** A path id that is not a UUID names nothing: 404, like any unknown id. */
    public static UUID pathId(String value, String what) {
        // UUID.fromString would take 1-1-1-1-1 for 00000001-0001-0001-0001-000000000001
        return PlausibleValues.uuid(value).orElseThrow(() -> ProblemException.notFound("No " + what + " " + value + "."));
    }

    public static void window(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
    }
}
