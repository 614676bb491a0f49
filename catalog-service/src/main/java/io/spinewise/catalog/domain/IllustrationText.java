package io.spinewise.catalog.domain;

import jakarta.persistence.Embeddable;

/** A picture's text alternative and caption in the language of a translation. */
@Embeddable
public record IllustrationText(String alt, String caption) {
}
