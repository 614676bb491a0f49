package io.spinewise.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Equipment an exercise uses and what may replace it at home. */
public record EquipmentDto(
        @NotBlank @Size(max = 60) String name,
        @Size(max = 10) List<@NotBlank @Size(max = 60) String> substitutes) {

    public List<String> substitutesOrEmpty() {
        return substitutes == null ? List.of() : substitutes;
    }
}
