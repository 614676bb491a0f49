package io.spinewise.web.library;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import io.spinewise.web.client.model.Sides;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.spinewise.web.library.DoseFields.max;
import static io.spinewise.web.library.DoseFields.min;

/** The template form's fields as text: a fixed number of exercise rows (no script needed to add one). */
public record TemplateForm(String name, String description, List<Row> rows, Set<DayOfWeek> days,
                           String sessionsPerDay, String status) {

    /** Blank rows offered below the filled ones. */
    static final int SPARE_ROWS = 3;
    /** catalog-service's maximum number of items. */
    static final int MAX_ITEMS = 20;

    private static final Pattern ITEM = Pattern.compile("^(items\\[(\\d+)]).*");
    private static final String SESSIONS = "Between 1 and 6 sessions a day.";

    /** One exercise row; the dosage fields left blank keep the exercise's own dose. */
    public record Row(int index, String exercise, String sets, String holdMin, String holdMax, String repsMin,
                      String repsMax, String sides, String note) {

        private static final String NO_DOSE =
                "Give a hold time or repetitions, or leave the dose blank to keep the exercise's own.";

        /** 1-based, for the legend. */
        public int number() {
            return index + 1;
        }

        /** The key of this row's error message. */
        public String key() {
            return "item" + index;
        }

        static Row blank(int index) {
            return new Row(index, "", "", "", "", "", "", Sides.BOTH.name(), "");
        }

        boolean empty() {
            return exercise.isBlank();
        }

        boolean overridesDose() {
            return !(sets.isBlank() && holdMin.isBlank() && holdMax.isBlank() && repsMin.isBlank()
                    && repsMax.isBlank());
        }

        /** The template's item, its dose checked into {@code in} under the row's key. */
        RoutineRequest.Item item(FormInput in) {
            Exercise.Dosage dosage = null;
            if (overridesDose()) {
                Integer setCount = DoseFields.number(in, key(), sets);
                Range hold = DoseFields.range(in, key(), holdMin, holdMax);
                Range reps = DoseFields.range(in, key(), repsMin, repsMax);
                if (hold == null && reps == null && !in.hasError(key())) {
                    in.error(key(), NO_DOSE);
                }
                dosage = new Exercise.Dosage(hold, reps, setCount == null ? 1 : setCount, DoseFields.sides(sides));
            }
            return new RoutineRequest.Item(exercise, dosage, note.isBlank() ? null : note);
        }
    }

    static TemplateForm empty() {
        return new TemplateForm("", "", withSpares(List.of()), EnumSet.allOf(DayOfWeek.class), "1",
                LibraryStatus.PUBLISHED.name());
    }

    static TemplateForm of(Routine r) {
        List<Row> rows = new ArrayList<>();
        for (Routine.Item item : r.itemsOrEmpty()) {
            Exercise.Dosage d = item.dosage();
            Range hold = DoseFields.holdSeconds(d);
            Range reps = DoseFields.reps(d);
            rows.add(new Row(rows.size(), item.exercise() == null ? "" : item.exercise().slug(),
                    d == null ? "" : DoseFields.text(d.sets()), min(hold), max(hold), min(reps), max(reps),
                    DoseFields.sides(d), item.note() == null ? "" : item.note()));
        }
        Set<DayOfWeek> days = r.schedule() == null || r.schedule().daysOfWeek() == null
                || r.schedule().daysOfWeek().isEmpty()
                ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(r.schedule().daysOfWeek());
        String sessions = r.schedule() == null || r.schedule().sessionsPerDay() == null ? "1"
                : String.valueOf(r.schedule().sessionsPerDay());
        return new TemplateForm(r.name(), r.description() == null ? "" : r.description(), withSpares(rows), days,
                sessions, (r.status() == null ? LibraryStatus.PUBLISHED : r.status()).name());
    }

    /** The form as posted: rows without an exercise are dropped, the others numbered again from 0. */
    static TemplateForm read(FormInput in) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS + SPARE_ROWS; i++) {
            String p = "item" + i + ".";
            Row row = new Row(rows.size(), in.text(p + "exercise"), in.text(p + "sets"), in.text(p + "holdMin"),
                    in.text(p + "holdMax"), in.text(p + "repsMin"), in.text(p + "repsMax"), in.text(p + "sides"),
                    in.text(p + "note"));
            if (!row.empty()) {
                rows.add(row);
            }
        }
        return new TemplateForm(in.text("name"), in.text("description"), withSpares(rows),
                in.ticked("days", DayOfWeek.class), in.text("sessionsPerDay"), in.text("status"));
    }

    private static List<Row> withSpares(List<Row> filled) {
        List<Row> rows = new ArrayList<>(filled);
        int spares = Math.min(SPARE_ROWS, MAX_ITEMS - filled.size());
        for (int i = 0; i < spares; i++) {
            rows.add(Row.blank(rows.size()));
        }
        return rows;
    }

    List<Row> filled() {
        return rows.stream().filter(r -> !r.empty()).toList();
    }

    /** Checks the form, reporting into {@code in}, and the request it sends when nothing is wrong. */
    RoutineRequest request(FormInput in) {
        if (name.isBlank()) {
            in.error("name", "Enter a name.");
        }
        if (description.isBlank()) {
            in.error("description", "Enter a short description.");
        }
        if (filled().isEmpty()) {
            in.error("items", "Pick at least one exercise.");
        }
        List<RoutineRequest.Item> items = filled().stream().map(row -> row.item(in)).toList();
        if (days.isEmpty()) {
            in.error("days", "Pick at least one day.");
        }
        Integer sessions = in.number("sessionsPerDay", sessionsPerDay, 1, 6, SESSIONS);
        if (sessions == null) {
            in.error("sessionsPerDay", SESSIONS);
        }
        return new RoutineRequest(name, description, items,
                new RoutineRequest.Schedule(EnumSet.copyOf(days), sessions), DoseFields.savable(in));
    }

    /** Where catalog-service's complaint about its routine request shows: an item's by its row. */
    static FieldTarget field(String path) {
        Matcher item = ITEM.matcher(path);
        if (item.matches()) {
            return FieldTarget.of(path, item.group(1), "item" + item.group(2));
        }
        return switch (path) {
            case "schedule.daysOfWeek" -> new FieldTarget("days", "");
            case "schedule.sessionsPerDay" -> new FieldTarget("sessionsPerDay", "");
            default -> FieldTarget.same(path);
        };
    }
}
