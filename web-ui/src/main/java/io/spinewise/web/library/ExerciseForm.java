package io.spinewise.web.library;

import io.spinewise.web.client.model.BodyRegion;
import io.spinewise.web.client.model.Category;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Position;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Sides;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.spinewise.web.library.DoseFields.max;
import static io.spinewise.web.library.DoseFields.min;

/** The exercise form's fields as text, shown again as typed; lists are one entry per line. */
public record ExerciseForm(String name, String bodyRegion, String category, String position, String summary,
                           String steps, String equipment, String cautions, String holdMin, String holdMax,
                           String repsMin, String repsMax, String sets, String sides, String status) {

    private static final String NO_DOSE = "Give a hold time or a number of repetitions (min and max).";

    static ExerciseForm empty() {
        return new ExerciseForm("", BodyRegion.THORACIC.name(), Category.MOBILITY.name(), Position.STANDING.name(),
                "", "", "", "", "30", "60", "", "", "1", Sides.BOTH.name(), LibraryStatus.PUBLISHED.name());
    }

    static ExerciseForm of(Exercise e) {
        Exercise.Dosage d = e.dosage();
        StringBuilder equipment = new StringBuilder();
        for (Exercise.Equipment eq : e.equipmentOrEmpty()) {
            equipment.append(eq.name());
            if (!eq.substitutesOrEmpty().isEmpty()) {
                equipment.append(": ").append(String.join(", ", eq.substitutesOrEmpty()));
            }
            equipment.append('\n');
        }
        Range hold = DoseFields.holdSeconds(d);
        Range reps = DoseFields.reps(d);
        return new ExerciseForm(e.name(), name(e.bodyRegion()), name(e.category()), name(e.position()), e.summary(),
                String.join("\n", e.stepsOrEmpty()), equipment.toString().strip(),
                String.join("\n", e.cautionsOrEmpty()), min(hold), max(hold), min(reps), max(reps),
                d == null || d.sets() == null ? "1" : String.valueOf(d.sets()), DoseFields.sides(d), name(e.status()));
    }

    static ExerciseForm read(FormInput in) {
        return new ExerciseForm(in.text("name"), in.text("bodyRegion"), in.text("category"), in.text("position"),
                in.text("summary"), in.text("steps"), in.text("equipment"), in.text("cautions"), in.text("holdMin"),
                in.text("holdMax"), in.text("repsMin"), in.text("repsMax"), in.text("sets"), in.text("sides"),
                in.text("status"));
    }

    /** Checks the form, reporting into {@code in}, and the request it sends when nothing is wrong. */
    ExerciseRequest request(FormInput in) {
        if (name.isBlank()) {
            in.error("name", "Enter a name.");
        }
        if (summary.isBlank()) {
            in.error("summary", "Enter a one-line summary.");
        }
        if (in.lines("steps").isEmpty()) {
            in.error("steps", "Enter at least one step (one per line).");
        }
        Range hold = DoseFields.range(in, "dosage", holdMin, holdMax);
        Range reps = DoseFields.range(in, "dosage", repsMin, repsMax);
        Integer setCount = DoseFields.number(in, "dosage", sets);
        if (hold == null && reps == null && !in.hasError("dosage")) {
            in.error("dosage", NO_DOSE);
        }
        return new ExerciseRequest(name, in.choice("bodyRegion", BodyRegion.class, null),
                in.choice("category", Category.class, null), summary, in.lines("steps"),
                in.choice("position", Position.class, null), equipment(in.lines("equipment")), in.lines("cautions"),
                new Exercise.Dosage(hold, reps, setCount == null ? 1 : setCount, DoseFields.sides(sides)),
                DoseFields.savable(in));
    }

    /** Where catalog-service's complaint about its exercise request shows: one field per top-level value. */
    static FieldTarget field(String path) {
        String top = path.split("[.\\[]", 2)[0];
        return switch (top) {
            case "name", "summary", "steps", "equipment", "cautions", "dosage" -> FieldTarget.of(path, top, top);
            default -> FieldTarget.same(path);
        };
    }

    /** "Ball: tennis ball, foam roller" is the equipment "Ball" with two substitutes. */
    private static List<Exercise.Equipment> equipment(List<String> lines) {
        List<Exercise.Equipment> equipment = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":", 2);
            List<String> substitutes = parts.length < 2 ? List.of()
                    : Arrays.stream(parts[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            equipment.add(new Exercise.Equipment(parts[0].strip(), substitutes));
        }
        return equipment;
    }

    private static String name(Term term) {
        return term == null ? "" : term.name();
    }
}
