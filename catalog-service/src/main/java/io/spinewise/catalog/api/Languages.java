package io.spinewise.catalog.api;

import java.util.List;

/**
 * The languages of exercise texts, by BCP 47 primary tag: those of the patient pages. English is
 * the exercise's own text and the fallback; the others are translations (table
 * {@code exercise_translation}, whose CHECK names the same three).
 */
public final class Languages {

    public static final String ENGLISH = "en";

    /** The languages a translation may be in. */
    public static final List<String> TRANSLATED = List.of("de", "fr", "es");

    private Languages() {
    }
}
