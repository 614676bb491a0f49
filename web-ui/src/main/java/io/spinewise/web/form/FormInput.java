package io.spinewise.web.form;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Problem;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.page.DateInput;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One posted form, read once: its values through typed accessors, and the one map of what is
 * wrong with them, by field, that the page shows again beside each field ({@code {#fieldError}}).
 * A value that cannot be used never throws: it is reported under its field and read as null, so a
 * form shows every mistake at once. The service's own refusal joins the same map ({@link #send}).
 */
public final class FormInput {

    private final MultivaluedMap<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private ServiceException refusal;

    private FormInput(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    public static FormInput of(MultivaluedMap<String, String> values) {
        return new FormInput(values);
    }

    /** The field without surrounding blanks; "" when it was not sent. */
    public String text(String field) {
        return stripped(values.getFirst(field));
    }

    /** The {@code index}th value (from 0) of a field sent once per row; "" when there is none. */
    public String text(String field, int index) {
        List<String> all = values.get(field);
        return all == null || index >= all.size() ? "" : stripped(all.get(index));
    }

    /** The field without surrounding blanks, or null when it is blank or was not sent. */
    public String optional(String field) {
        String text = text(field);
        return text.isEmpty() ? null : text;
    }

    /** Every value of a field sent more than once (checkboxes, rows), as sent. */
    public List<String> all(String field) {
        List<String> all = values.get(field);
        return all == null ? List.of() : all.stream().map(v -> v == null ? "" : v).toList();
    }

    /** A text area's non-blank lines, each without surrounding blanks. */
    public List<String> lines(String field) {
        return text(field).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A whole number from {@code min} to {@code max}; null when blank, or when wrong (then reported). */
    public Integer number(String field, int min, int max) {
        return number(field, text(field), min, max, "Use a whole number from " + min + " to " + max + ".");
    }

    /**
     * {@code text} as a whole number from {@code min} to {@code max}; null when blank, or when it
     * is not one (then {@code message} is reported under {@code field}).
     */
    public Integer number(String field, String text, int min, int max, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(text.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, as a number out of range is
        }
        error(field, message);
        return null;
    }

    /**
     * A range typed as two fields, "min" and "max" (a blank max means min alone): null when both
     * are blank, or when they are not whole numbers from 0 up with min ≤ max (then {@code message}
     * is reported under {@code field}).
     */
    public Range range(String field, String minText, String maxText, String message) {
        if (minText.isBlank() && maxText.isBlank()) {
            return null;
        }
        Integer low = number(field, minText, 0, Integer.MAX_VALUE, message);
        Integer high = maxText.isBlank() ? low : number(field, maxText, 0, Integer.MAX_VALUE, message);
        if (low == null || high == null || high < low) {
            error(field, message);
            return null;
        }
        return new Range(low, high);
    }

    /** A date typed as YYYY-MM-DD; null when blank, or when it cannot be read (then reported). */
    public LocalDate date(String field) {
        DateInput input = DateInput.read(text(field), null);
        if (!input.valid()) {
            error(field, input.error());
        }
        return input.value();
    }

    /** An id; null when blank or not an id (a hidden field the page wrote: the caller decides what that means). */
    public UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A value of one of the services' vocabularies; {@code otherwise} when blank or not one this web-ui knows. */
    public <E extends Enum<E> & Term> E choice(String field, Class<E> vocabulary, E otherwise) {
        return Term.parse(vocabulary, text(field), otherwise);
    }

    /** The constants of {@code type} ticked in a field sent once per box (days of the week); others are ignored. */
    public <E extends Enum<E>> Set<E> ticked(String field, Class<E> type) {
        Set<E> ticked = EnumSet.noneOf(type);
        for (String value : all(field)) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.strip())) {
                    ticked.add(constant);
                }
            }
        }
        return ticked;
    }

    /** Reports what is wrong with a field; a second complaint about the same field is added to the first. */
    public void error(String field, String message) {
        errors.merge(field, message, (first, second) -> first.equals(second) ? first : first + "; " + second);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** What is wrong, by field, in the order found (the page shows it beside each field). */
    public Map<String, String> errors() {
        return errors;
    }

    /**
     * Sends the form's request with {@code call} unless something is already wrong with it. A
     * refusal (4xx) is put into the errors by form field — {@code fieldOf} names the field for each
     * path the service complains about — and kept ({@link #refusal()}) for the page to choose its
     * status and sentence. The service being unavailable is not the form's fault: that is thrown
     * on, to the friendly error page.
     *
     * @return whether the service accepted the request
     */
    public boolean send(Runnable call, Function<String, FieldTarget> fieldOf) {
        if (!valid()) {
            return false;
        }
        try {
            call.run();
            return true;
        } catch (ServiceException e) {
            if (e.unavailable()) {
                throw e;
            }
            refused(e, fieldOf);
            return false;
        }
    }

    /** The service's refusal of the last {@link #send}, if it refused. */
    public Optional<ServiceException> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** A service's refusal as errors by form field (for a page that handles the call itself). */
    public void refused(ServiceException refusal, Function<String, FieldTarget> fieldOf) {
        this.refusal = refusal;
        for (Problem.Violation v : refusal.violations()) {
            FieldTarget target = fieldOf.apply(v.field() == null ? "" : v.field());
            error(target.field(), target.below().isEmpty() ? v.message() : target.below() + ": " + v.message());
        }
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }
}
