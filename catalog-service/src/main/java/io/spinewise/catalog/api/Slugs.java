package io.spinewise.catalog.api;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs: the stable, readable ids by which exercises and routines are referred to. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case letters and digits separated by single hyphens";
    public static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /** "Cat-cow on all fours!" becomes {@code cat-cow-on-all-fours}. */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "entry" : slug;
    }
}
