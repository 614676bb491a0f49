package io.spinewise.web.library;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Sides;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.form.FormInput;

/** What the library's two forms read alike: a dose's ranges and sides, and the status to save. */
final class DoseFields {

    private DoseFields() {
    }

    static final String NOT_NUMBERS = "Use whole numbers for sets, hold and reps.";

    /**
     * A whole number of a dose; null when blank, or when it is not one (then reported under
     * {@code field}). Its bounds are catalog-service's to check, as the order of a range is.
     */
    static Integer number(FormInput in, String field, String text) {
        return in.number(field, text, Integer.MIN_VALUE, Integer.MAX_VALUE, NOT_NUMBERS);
    }

    /**
     * A range typed as a min and a max field (a blank max means the min alone): null when the min
     * is blank or a value is not a whole number (then reported under {@code field}). Unlike
     * {@link FormInput#range}, a min above the max is sent: catalog-service refuses it in its own
     * words, which show by the same field.
     */
    static Range range(FormInput in, String field, String minText, String maxText) {
        Integer low = number(in, field, minText);
        Integer high = maxText.isBlank() ? low : number(in, field, maxText);
        return low == null || high == null ? null : new Range(low, high);
    }

    /** The sides a dose is done on: each side in turn, or both at once (also for anything else sent). */
    static Sides sides(String text) {
        return Term.parse(Sides.class, text, Sides.BOTH);
    }

    /** A draft, or else a published entry (archiving has its own page). */
    static LibraryStatus savable(FormInput in) {
        return in.choice("status", LibraryStatus.class, null) == LibraryStatus.DRAFT
                ? LibraryStatus.DRAFT : LibraryStatus.PUBLISHED;
    }

    static String min(Range range) {
        return range == null ? "" : text(range.min());
    }

    static String max(Range range) {
        return range == null ? "" : text(range.max());
    }

    static Range holdSeconds(Exercise.Dosage dosage) {
        return dosage == null ? null : dosage.holdSeconds();
    }

    static Range reps(Exercise.Dosage dosage) {
        return dosage == null ? null : dosage.reps();
    }

    static String sides(Exercise.Dosage dosage) {
        return dosage == null || dosage.sides() == null ? Sides.BOTH.name() : dosage.sides().name();
    }

    static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
