package io.spinewise.catalog.domain;

import jakarta.persistence.Embeddable;

/**
 * A picture of an exercise: where web-ui serves it (a path on its own origin), the text a screen
 * reader reads instead of it, and a short caption such as "Start" or "End".
 */
@Embeddable
public record Illustration(String url, String alt, String caption) {
}
