package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What the clinic library form sends to catalog-service to create or replace a clinic exercise. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseRequest(String name, BodyRegion bodyRegion, Category category, String summary, List<String> steps,
                              Position position, List<Exercise.Equipment> equipment, List<String> cautions,
                              Exercise.Dosage dosage, LibraryStatus status) {
}
