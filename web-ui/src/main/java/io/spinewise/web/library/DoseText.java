package io.spinewise.web.library;

import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Sides;

/**
 * The dose fields of the library's forms as typed: whole numbers, and ranges given by a min and
 * a max field (a blank max means the min alone). Text that is not a whole number reads as none.
 */
final class DoseText {

    private DoseText() {
    }

    static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The range, or null when the min (or a max given) is not a whole number. */
    static Range range(String min, String max) {
        Integer low = number(min);
        Integer high = max.isBlank() ? low : number(max);
        return low == null || high == null ? null : new Range(low, high);
    }

    static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** The sides a dose is done on: each side separately, or both together (the default). */
    static Sides sides(String value) {
        return "EACH_SIDE".equals(value) ? Sides.EACH_SIDE : Sides.BOTH;
    }
}
