package io.spinewise.catalog.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** One stored translation of an exercise's texts. */
public record TranslationView(
        @Schema(description = "BCP 47 primary tag", example = "de") String language,
        String name,
        String summary,
        List<String> steps,
        List<String> cautions,
        Instant updatedAt) {
}
