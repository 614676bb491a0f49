package io.spinewise.web.client.model;

import java.util.EnumSet;
import java.util.List;

/**
 * A value of one of the services' vocabularies (statuses, categories, positions, sides). Each is
 * an enum here with a last constant {@code OTHER} that Jackson reads for a value a service adds
 * later ({@code @JsonEnumDefaultValue}, enabled in {@code client.JsonSettings}): a page then shows
 * "Other" rather than failing, and forms offer only the values this web-ui knows.
 */
public interface Term {

    String name();

    /** "STANDING_AT_WALL" reads "Standing at wall". */
    default String label() {
        return Labels.of(name());
    }

    default boolean known() {
        return !"OTHER".equals(name());
    }

    /** The values a form offers, in the service's order: all but {@code OTHER}. */
    static <E extends Enum<E> & Term> List<E> choices(Class<E> vocabulary) {
        return EnumSet.allOf(vocabulary).stream().filter(Term::known).toList();
    }

    /** The value a form sent, or {@code otherwise} for an empty or unknown one (never {@code OTHER}). */
    static <E extends Enum<E> & Term> E parse(Class<E> vocabulary, String value, E otherwise) {
        if (value != null) {
            for (E term : vocabulary.getEnumConstants()) {
                if (term.known() && term.name().equals(value.strip())) {
                    return term;
                }
            }
        }
        return otherwise;
    }
}
