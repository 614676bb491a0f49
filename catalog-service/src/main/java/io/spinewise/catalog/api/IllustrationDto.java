package io.spinewise.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A picture of an exercise as the API shows it. */
@Schema(name = "Illustration")
public record IllustrationDto(
        @Schema(description = "Where the web app serves the picture: a path on its own origin", example = "/img/exercises/cat-cow-start.svg")
        String url,
        @Schema(description = "The language of alt and caption (BCP 47 primary tag)", example = "en")
        String language,
        @Schema(description = "The text that stands in for the picture (what it shows, for a screen reader)")
        String alt,
        @Schema(description = "A short caption, e.g. Start or End", example = "Start")
        String caption) {
}
