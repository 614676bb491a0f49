package io.spinewise.web.client.model;

import java.util.Arrays;
import java.util.Optional;

/** The languages catalog-service translates an exercise's texts into (English is the exercise's own). */
public enum TranslationLanguage {
    DE("de", "German"), FR("fr", "French"), ES("es", "Spanish");

    private final String tag;
    private final String label;

    TranslationLanguage(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    /** The BCP 47 primary tag the catalog uses, e.g. {@code de}. */
    public String tag() {
        return tag;
    }

    /** Its English name, for the staff pages. */
    public String label() {
        return label;
    }

    public static Optional<TranslationLanguage> of(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }
}
