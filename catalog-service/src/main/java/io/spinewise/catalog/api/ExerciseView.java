package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.BodyRegion;
import io.spinewise.catalog.domain.Category;
import io.spinewise.catalog.domain.Position;
import io.spinewise.catalog.domain.Status;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An exercise as the API shows it. {@code owner} is {@code library} (shipped) or {@code clinic}.
 * {@code name}, {@code summary}, {@code steps} and {@code cautions} are in {@code language}: the
 * caller's language where the exercise has it, else English.
 */
public record ExerciseView(
        String slug,
        @Schema(description = "The language of name, summary, steps and cautions (BCP 47 primary tag): the first"
                + " of the caller's Accept-Language that the exercise is translated into, else en", example = "de")
        String language,
        String name,
        BodyRegion bodyRegion,
        Category category,
        String summary,
        List<String> steps,
        Position position,
        List<EquipmentDto> equipment,
        List<String> cautions,
        @Schema(nullable = true) String mediaRef,
        @Schema(description = "Its pictures in the order shown, e.g. the start and the end position; empty when it has none")
        List<IllustrationDto> illustrations,
        @Schema(description = "The clinic's own photos and videos, oldest first; empty for the shared library's exercises")
        List<MediaView> media,
        DosageDto dosage,
        Status status,
        String owner,
        int version,
        Instant updatedAt) {
}
