package io.spinewise.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An exercise's texts in one language, as a clinic sends them: validated like the exercise's own
 * fields. The cautions may be empty or omitted, like the exercise's.
 */
public record TranslationRequest(
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 280) String summary,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> steps,
        @Size(max = 10) List<@NotBlank @Size(max = 300) String> cautions) {
}
