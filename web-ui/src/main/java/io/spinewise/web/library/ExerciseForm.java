package io.spinewise.web.library;

import io.spinewise.web.client.model.BodyRegion;
import io.spinewise.web.client.model.Category;
import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Position;
import io.spinewise.web.client.model.Term;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exercise form's fields as text; lists are one entry per line. */
public record ExerciseForm(String name, String bodyRegion, String category, String position, String summary,
                           String steps, String equipment, String cautions, String holdMin, String holdMax,
                           String repsMin, String repsMax, String sets, String sides, String status) {

    static ExerciseForm empty() {
        return new ExerciseForm("", "THORACIC", "MOBILITY", "STANDING", "", "", "", "", "30", "60", "", "", "1",
                "BOTH", "PUBLISHED");
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
        return new ExerciseForm(e.name(), name(e.bodyRegion()), name(e.category()), name(e.position()), e.summary(),
                String.join("\n", e.stepsOrEmpty()), equipment.toString().strip(),
                String.join("\n", e.cautionsOrEmpty()),
                d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().min()),
                d == null || d.holdSeconds() == null ? "" : String.valueOf(d.holdSeconds().max()),
                d == null || d.reps() == null ? "" : String.valueOf(d.reps().min()),
                d == null || d.reps() == null ? "" : String.valueOf(d.reps().max()),
                d == null || d.sets() == null ? "1" : String.valueOf(d.sets()),
                d == null || d.sides() == null ? "BOTH" : d.sides().name(), name(e.status()));
    }

    static ExerciseForm read(MultivaluedMap<String, String> f) {
        return new ExerciseForm(v(f, "name"), v(f, "bodyRegion"), v(f, "category"), v(f, "position"),
                v(f, "summary"), v(f, "steps"), v(f, "equipment"), v(f, "cautions"), v(f, "holdMin"),
                v(f, "holdMax"), v(f, "repsMin"), v(f, "repsMax"), v(f, "sets"), v(f, "sides"), v(f, "status"));
    }

    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Enter a name.");
        }
        if (summary.isBlank()) {
            errors.put("summary", "Enter a one-line summary.");
        }
        if (lines(steps).isEmpty()) {
            errors.put("steps", "Enter at least one step (one per line).");
        }
        if (DoseText.range(holdMin, holdMax) == null && DoseText.range(repsMin, repsMax) == null) {
            errors.put("dosage", "Give a hold time or a number of repetitions (min and max).");
        }
        return errors;
    }

    ExerciseRequest request() {
        List<Exercise.Equipment> equipmentList = new ArrayList<>();
        for (String line : lines(equipment)) {
            String[] parts = line.split(":", 2);
            List<String> subs = parts.length < 2 ? List.of()
                    : Arrays.stream(parts[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            equipmentList.add(new Exercise.Equipment(parts[0].strip(), subs));
        }
        Integer setCount = DoseText.number(sets);
        return new ExerciseRequest(name.strip(), Term.parse(BodyRegion.class, bodyRegion, null),
                Term.parse(Category.class, category, null), summary.strip(), lines(steps),
                Term.parse(Position.class, position, null),
                equipmentList, lines(cautions),
                new Exercise.Dosage(DoseText.range(holdMin, holdMax), DoseText.range(repsMin, repsMax),
                        setCount == null ? 1 : setCount, DoseText.sides(sides)),
                status == null || status.isBlank() ? LibraryStatus.PUBLISHED
                        : Term.parse(LibraryStatus.class, status, null));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String name(Term term) {
        return term == null ? "" : term.name();
    }

    private static String v(MultivaluedMap<String, String> f, String field) {
        String value = f.getFirst(field);
        return value == null ? "" : value;
    }
}
