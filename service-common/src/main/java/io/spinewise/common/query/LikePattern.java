package io.spinewise.common.query;

import java.util.Locale;

/** Text searches with SQL LIKE, where the caller's {@code %} and {@code _} are taken literally. */
public final class LikePattern {

    private LikePattern() {
    }

    /**
     * A lower-case pattern matching the text anywhere; use it with {@code lower(column) like :p escape '\'}.
     */
    public static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
