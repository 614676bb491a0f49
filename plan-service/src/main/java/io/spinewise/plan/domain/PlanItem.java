package io.spinewise.plan.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One prescribed exercise as it was prescribed (stored as JSON in the plan version): the
 * catalog's name at that time and the dosage the chiropractor chose. Later catalog edits
 * never rewrite it.
 *
 * @param exercise     the catalog slug
 * @param exerciseName the catalog name when prescribed
 * @param sets         sets per session
 * @param reps         repetitions per set, or null for a hold
 * @param holdSeconds  seconds per hold, or null for repetitions
 * @param side         which side(s)
 * @param note         the chiropractor's note to the patient
 */
public record PlanItem(String exercise, String exerciseName, int sets, @Schema(nullable = true) Integer reps,
                       @Schema(nullable = true) Integer holdSeconds, Side side,
                       @Schema(nullable = true) String note) {
}
