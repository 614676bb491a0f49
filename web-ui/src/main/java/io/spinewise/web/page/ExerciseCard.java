package io.spinewise.web.page;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.PlanItem;

/**
 * One exercise as the patient sees it: the prescription (dosage, the chiropractor's note) and,
 * when the library could be reached, the catalog's steps, position, equipment and cautions.
 *
 * @param domId  a page-unique id prefix for the card's controls
 * @param detail the catalog entry, or null when the library is unavailable
 */
public record ExerciseCard(String domId, PlanItem item, Exercise detail) {

    public boolean hasDetail() {
        return detail != null;
    }

    /** The catalog's range as a hint, e.g. "30–60 s" (empty without one). */
    public String catalogRange() {
        if (detail == null || detail.dosage() == null) {
            return "";
        }
        if (item.hold() && detail.dosage().holdSeconds() != null) {
            return detail.dosage().holdSeconds().text() + " s";
        }
        if (!item.hold() && detail.dosage().reps() != null) {
            return detail.dosage().reps().text() + " reps";
        }
        return "";
    }

    /** Total repetitions to count: reps per set × sets. */
    public int repTarget() {
        int sets = item.sets() == null ? 1 : item.sets();
        return item.reps() == null ? 0 : item.reps() * sets;
    }
}
