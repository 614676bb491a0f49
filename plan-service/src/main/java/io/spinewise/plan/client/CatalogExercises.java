package io.spinewise.plan.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** catalog-service's answer to a fetch by slug: the exercises found; paging fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogExercises(List<CatalogExercise> items) {

    public List<CatalogExercise> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
