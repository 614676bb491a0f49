package io.spinewise.web.prescribing;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.PlanItem;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Side;

import java.util.UUID;

/**
 * One exercise on the prescription form, as the chiropractor adjusts it: sets, a hold time or
 * a number of repetitions, the side, a note. {@code hint} shows the library's own range.
 *
 * @param kind {@code hold} or {@code reps}
 */
public record ItemRow(String rowId, String exercise, String name, Integer sets, String kind, Integer amount,
                      Side side, String note, String hint) {

    public boolean hold() {
        return "hold".equals(kind);
    }

    /** A row from the library's suggested dose (the lower end of its ranges). */
    static ItemRow from(String slug, String name, Exercise.Dosage dosage, String note) {
        Integer sets = dosage == null || dosage.sets() == null ? 1 : dosage.sets();
        Range hold = dosage == null ? null : dosage.holdSeconds();
        Range reps = dosage == null ? null : dosage.reps();
        boolean isHold = hold != null || reps == null;
        Integer amount = isHold ? (hold == null ? 30 : hold.min()) : reps.min();
        Side side = dosage == null || dosage.sides() == null ? Side.BOTH : dosage.sides().prescribed();
        StringBuilder hint = new StringBuilder();
        if (hold != null) {
            hint.append("hold ").append(hold.text()).append(" s");
        }
        if (reps != null) {
            hint.append(hint.isEmpty() ? "" : " or ").append(reps.text()).append(" reps");
        }
        return new ItemRow(newId(), slug, name, sets, isHold ? "hold" : "reps", amount, side, note == null ? "" : note,
                hint.toString());
    }

    /** A prescribed item as a row of the form, with the dose it has now. */
    static ItemRow of(PlanItem item) {
        boolean reps = item.reps() != null && item.holdSeconds() == null;
        return new ItemRow(newId(), item.exercise(), item.exerciseName(), item.sets() == null ? 1 : item.sets(),
                reps ? "reps" : "hold", reps ? item.reps() : item.holdSeconds(),
                item.side() == null ? Side.BOTH : item.side(), item.note() == null ? "" : item.note(), null);
    }

    PlanRequest.Item request() {
        return new PlanRequest.Item(exercise, sets, hold() ? null : amount, hold() ? amount : null, side,
                note == null || note.isBlank() ? null : note.strip());
    }

    PlanItem preview() {
        return new PlanItem(exercise, name, sets, hold() ? null : amount, hold() ? amount : null, side,
                note == null || note.isBlank() ? null : note.strip());
    }

    static String newId() {
        return "row-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
