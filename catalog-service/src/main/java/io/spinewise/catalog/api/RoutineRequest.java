package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a clinic sends to create or replace one of its routine templates. */
public record RoutineRequest(
        @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 1000) String description,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Item> items,
        @NotNull @Valid ScheduleDto schedule,
        Status status) {

    /** One exercise of the template; without a dosage, the exercise's own applies. */
    @Schema(name = "RoutineRequestItem")
    public record Item(
            @NotBlank @Size(max = 80) String exercise,
            @Valid DosageDto dosage,
            @Size(max = 280) String note) {
    }
}
