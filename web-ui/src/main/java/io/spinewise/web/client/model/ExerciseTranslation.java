package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.List;

/** One stored translation of a clinic exercise's texts, as catalog-service lists it. */
public record ExerciseTranslation(String language, String name, String summary, List<String> steps,
                                  List<String> cautions, Instant updatedAt) {

    public List<String> stepsOrEmpty() {
        return steps == null ? List.of() : steps;
    }

    public List<String> cautionsOrEmpty() {
        return cautions == null ? List.of() : cautions;
    }
}
