package io.spinewise.catalog.api;

import io.spinewise.catalog.domain.BodyRegion;
import io.spinewise.catalog.domain.Category;
import io.spinewise.catalog.domain.Position;
import io.spinewise.catalog.domain.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a clinic sends to create or replace one of its exercises. The slug is fixed at
 * creation (derived from the name when omitted); the owning clinic comes from the token.
 */
public record ExerciseRequest(
        @Size(max = 80) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 120) String name,
        @NotNull BodyRegion bodyRegion,
        @NotNull Category category,
        @NotBlank @Size(max = 280) String summary,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> steps,
        @NotNull Position position,
        @Size(max = 10) List<@NotNull @Valid EquipmentDto> equipment,
        @Size(max = 10) List<@NotBlank @Size(max = 300) String> cautions,
        @Size(max = 500) @Pattern(regexp = "^(https?://|/)\\S+$", message = "must be an http(s) URL or an absolute path") String mediaRef,
        @NotNull @Valid DosageDto dosage,
        Status status) {
}
