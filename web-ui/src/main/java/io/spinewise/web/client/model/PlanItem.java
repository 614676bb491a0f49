package io.spinewise.web.client.model;

/** One prescribed exercise as plan-service stores it: slug, name at prescription time, dosage. */
public record PlanItem(String exercise, String exerciseName, Integer sets, Integer reps, Integer holdSeconds,
                       Side side, String note) {

    /** "2 × 30 s hold, each side" / "1 × 24 reps". */
    public String dosageText() {
        StringBuilder text = new StringBuilder();
        text.append(sets == null ? 1 : sets).append(" × ");
        if (holdSeconds != null) {
            text.append(holdSeconds).append(" s hold");
        } else if (reps != null) {
            text.append(reps).append(" reps");
        } else {
            text.append("as comfortable");
        }
        String sideText = side == null ? "" : side.phrase();
        if (!sideText.isEmpty()) {
            text.append(", ").append(sideText);
        }
        return text.toString();
    }

    public boolean hold() {
        return holdSeconds != null;
    }

    /** The sets to write in a dose: one when the prescription names none. */
    public int setsOrOne() {
        return sets == null ? 1 : sets;
    }

    /** The dose sentence ends with a side ("each side", "left side"); not for both sides at once. */
    public boolean onOneSide() {
        return side != null && !side.phrase().isEmpty();
    }
}
