package io.spinewise.plan.fhir;

import io.spinewise.plan.domain.PlanItem;

/** A prescribed exercise's dosage in words, as a CarePlan activity's description (English, like the staff pages). */
final class PlanDosage {

    private PlanDosage() {
    }

    /** E.g. "3 sets of 10 repetitions, each side. Note: slowly" or "2 sets, holding 30 seconds, left side". */
    static String words(PlanItem item) {
        StringBuilder text = new StringBuilder().append(item.sets()).append(item.sets() == 1 ? " set" : " sets");
        if (item.reps() != null) {
            text.append(" of ").append(item.reps()).append(item.reps() == 1 ? " repetition" : " repetitions");
        } else if (item.holdSeconds() != null) {
            text.append(", holding ").append(item.holdSeconds())
                    .append(item.holdSeconds() == 1 ? " second" : " seconds");
        }
        if (item.side() != null) {
            switch (item.side()) {
                case EACH_SIDE -> text.append(", each side");
                case LEFT -> text.append(", left side");
                case RIGHT -> text.append(", right side");
                case BOTH -> {
                    // both sides together: nothing to add
                }
            }
        }
        if (item.note() != null && !item.note().isBlank()) {
            text.append(". Note: ").append(item.note().strip());
        }
        return text.toString();
    }
}
