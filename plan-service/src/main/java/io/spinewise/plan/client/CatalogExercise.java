package io.spinewise.plan.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What plan-service reads of a catalog exercise; other fields are ignored, so catalog may grow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogExercise(String slug, String name, CatalogDosage dosage, String status) {
}
