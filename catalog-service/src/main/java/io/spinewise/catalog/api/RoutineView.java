package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.Category;
import io.spinewise.catalog.domain.Position;
import io.spinewise.catalog.domain.Status;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A routine template as the API shows it, with each exercise summarised in order. */
public record RoutineView(
        String slug,
        String name,
        String description,
        ScheduleDto schedule,
        List<Item> items,
        Status status,
        String owner,
        int version,
        Instant updatedAt) {

    @Schema(name = "RoutineItemView")
    public record Item(int position, ExerciseRef exercise, @Schema(nullable = true) DosageDto dosage,
                       @Schema(nullable = true) String note) {
    }

    /** Enough of an exercise to show a template; the full entry is one GET away. Name and summary are in {@code language}. */
    public record ExerciseRef(String slug, @Schema(description = "The language of name and summary (BCP 47 primary tag)",
            example = "en") String language, String name, Category category, Position position, String summary, Status status) {
    }
}
