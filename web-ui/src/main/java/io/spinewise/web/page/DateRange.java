package io.spinewise.web.page;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "from" and "to" date fields of a page (both days inclusive), each with its default, and
 * the sentence to show by a field that cannot be used.
 */
public record DateRange(DateInput from, DateInput to) {

    /**
     * @param defaultTo   "to" when none was given
     * @param defaultDays how far before "to" a missing "from" lies
     */
    public static DateRange read(String fromText, String toText, LocalDate defaultTo, int defaultDays) {
        DateInput to = DateInput.read(toText, defaultTo);
        LocalDate end = to.value() != null ? to.value() : defaultTo;
        return new DateRange(DateInput.read(fromText, end == null ? null : end.minusDays(defaultDays)), to);
    }

    /** Two fields that may stay empty: no limit on that side. */
    public static DateRange optional(String fromText, String toText) {
        return new DateRange(DateInput.read(fromText, null), DateInput.read(toText, null));
    }

    /** Field name ("from", "to") to sentence; empty when both fields can be used. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!from.valid()) {
            errors.put("from", from.error());
        }
        if (!to.valid()) {
            errors.put("to", to.error());
        }
        if (errors.isEmpty() && from.value() != null && to.value() != null && from.value().isAfter(to.value())) {
            errors.put("to", "The end date is before the start date. Choose an end on or after "
                    + Formats.day(from.value(), null) + ".");
        }
        return errors;
    }

    public boolean valid() {
        return errors().isEmpty();
    }

    /** The sentence for one field, or null. */
    public String error(String field) {
        return errors().get(field);
    }
}
