package io.spinewise.web.client.model;

/** An inclusive range such as 30–60 seconds; min may equal max. */
public record Range(Integer min, Integer max) {

    /** "30–60" or "60". */
    public String text() {
        if (min == null && max == null) {
            return "";
        }
        if (min == null || max == null || min.equals(max)) {
            return String.valueOf(min != null ? min : max);
        }
        return min + "–" + max;
    }
}
