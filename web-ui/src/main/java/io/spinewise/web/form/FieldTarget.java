package io.spinewise.web.form;

/**
 * Where a service's complaint shows on a form. The services name the value at fault by its path
 * in the request ({@code schedule.startDate}, {@code items[2].dosage.holdSeconds}); the form holds
 * it in a field of its own name ({@code startDate}, {@code item2}). {@code below} is the part of
 * the path under that field, which leads the message: "holdSeconds: min must not be greater than max".
 */
public record FieldTarget(String field, String below) {

    /** The path is a field of the form under the same name. */
    public static FieldTarget same(String path) {
        return new FieldTarget(path, "");
    }

    /** {@code path} is held by {@code field}, which stands for the path up to {@code prefix}. */
    public static FieldTarget of(String path, String prefix, String field) {
        String below = path.substring(prefix.length());
        return new FieldTarget(field, below.startsWith(".") ? below.substring(1) : below);
    }
}
