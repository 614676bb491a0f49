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

    /**
     * The exercise's name as the card shows it: the catalog's translation when the catalog answered
     * in another language than English, else the name prescribed (the plan's copy).
     */
    public String name() {
        return translated() ? detail.name() : item.exerciseName();
    }

    /** The language of {@link #name()}, for its {@code lang} attribute. */
    public String nameLanguage() {
        return translated() ? detail.textLanguage() : "en";
    }

    private boolean translated() {
        return detail != null && !"en".equals(detail.textLanguage()) && detail.name() != null;
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
