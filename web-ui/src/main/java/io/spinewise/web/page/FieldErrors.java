package io.spinewise.web.page;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Problem;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's refusal as a form's field errors. The services name the value at fault by its
 * path in the request ({@code schedule.startDate}, {@code items[2].dosage.holdSeconds}); the
 * form holds it in a field of its own name ({@code startDate}, {@code item2}). Each form names
 * its fields with one of the functions here, so the message shows by the field the user typed
 * into; a path the form has no field for keeps its path as the key (the page's message above
 * the form carries the service's whole sentence anyway).
 */
final class FieldErrors {

    private static final Pattern ITEM = Pattern.compile("^(items\\[(\\d+)]).*");

    private FieldErrors() {
    }

    /**
     * The form field for a path, and the part of the path below it (empty when the field is
     * the value itself), which leads the message: "holdSeconds: min must not be greater than max".
     */
    record Target(String field, String below) {

        /** {@code path} held by {@code field}, which stands for the path up to {@code prefix}. */
        static Target of(String path, String prefix, String field) {
            String below = path.substring(prefix.length());
            return new Target(field, below.startsWith(".") ? below.substring(1) : below);
        }
    }

    static void put(ServiceException refusal, Map<String, String> errors, Function<String, Target> formField) {
        for (Problem.Violation v : refusal.violations()) {
            Target target = formField.apply(v.field() == null ? "" : v.field());
            String message = target.below().isEmpty() ? v.message() : target.below() + ": " + v.message();
            errors.merge(target.field(), message, (a, b) -> a + "; " + b);
        }
    }

    /** The clinic exercise form (catalog-service's exercise request): one field per top-level value. */
    static Target exerciseField(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return switch (top) {
            case "name", "summary", "steps", "equipment", "cautions", "dosage" -> Target.of(path, top, top);
            default -> new Target(path, "");
        };
    }

    /** The routine template form (catalog-service's routine request): an item's errors go to its row. */
    static Target templateField(String path) {
        Matcher item = ITEM.matcher(path);
        if (item.matches()) {
            return Target.of(path, item.group(1), "item" + item.group(2));
        }
        return switch (path) {
            case "schedule.daysOfWeek" -> new Target("days", "");
            case "schedule.sessionsPerDay" -> new Target("sessionsPerDay", "");
            default -> new Target(path, "");
        };
    }
}
