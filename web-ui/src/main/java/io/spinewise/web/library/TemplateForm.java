package io.spinewise.web.library;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.LibraryStatus;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.spinewise.web.library.DoseText.number;
import static io.spinewise.web.library.DoseText.range;
import static io.spinewise.web.library.DoseText.text;

/** The template form's fields as text: a fixed number of exercise rows (no script needed to add one). */
public record TemplateForm(String name, String description, List<Row> rows, Set<DayOfWeek> days,
                           String sessionsPerDay, String status) {

    /** Blank rows offered below the filled ones. */
    static final int SPARE_ROWS = 3;
    /** catalog-service's maximum number of items. */
    static final int MAX_ITEMS = 20;

    /** One exercise row; the dosage fields left blank keep the exercise's own dose. */
    public record Row(int index, String exercise, String sets, String holdMin, String holdMax, String repsMin,
                      String repsMax, String sides, String note) {

        /** 1-based, for the legend. */
        public int number() {
            return index + 1;
        }

        /** The key of this row's error message. */
        public String key() {
            return "item" + index;
        }

        static Row blank(int index) {
            return new Row(index, "", "", "", "", "", "", "BOTH", "");
        }

        boolean empty() {
            return exercise.isBlank();
        }

        boolean overridesDose() {
            return !(sets.isBlank() && holdMin.isBlank() && holdMax.isBlank() && repsMin.isBlank()
                    && repsMax.isBlank());
        }

        Row at(int newIndex) {
            return new Row(newIndex, exercise, sets, holdMin, holdMax, repsMin, repsMax, sides, note);
        }
    }

    public boolean hasDay(DayOfWeek day) {
        return days.contains(day);
    }

    static TemplateForm empty() {
        return new TemplateForm("", "", withSpares(List.of()), EnumSet.allOf(DayOfWeek.class), "1", "PUBLISHED");
    }

    static TemplateForm of(Routine r) {
        List<Row> rows = new ArrayList<>();
        for (Routine.Item item : r.itemsOrEmpty()) {
            Exercise.Dosage d = item.dosage();
            rows.add(new Row(rows.size(), item.exercise() == null ? "" : item.exercise().slug(),
                    d == null || d.sets() == null ? "" : String.valueOf(d.sets()),
                    d == null || d.holdSeconds() == null ? "" : text(d.holdSeconds().min()),
                    d == null || d.holdSeconds() == null ? "" : text(d.holdSeconds().max()),
                    d == null || d.reps() == null ? "" : text(d.reps().min()),
                    d == null || d.reps() == null ? "" : text(d.reps().max()),
                    d == null || d.sides() == null ? "BOTH" : d.sides().name(),
                    item.note() == null ? "" : item.note()));
        }
        Set<DayOfWeek> days = r.schedule() == null || r.schedule().daysOfWeek() == null
                || r.schedule().daysOfWeek().isEmpty()
                ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(r.schedule().daysOfWeek());
        String sessions = r.schedule() == null || r.schedule().sessionsPerDay() == null ? "1"
                : String.valueOf(r.schedule().sessionsPerDay());
        return new TemplateForm(r.name(), r.description() == null ? "" : r.description(), withSpares(rows), days,
                sessions, r.status() == null ? "PUBLISHED" : r.status().name());
    }

    static TemplateForm read(MultivaluedMap<String, String> f) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ITEMS + SPARE_ROWS; i++) {
            String p = "item" + i + ".";
            if (f.getFirst(p + "exercise") == null) {
                continue;
            }
            Row row = new Row(i, v(f, p + "exercise").strip(), v(f, p + "sets"), v(f, p + "holdMin"),
                    v(f, p + "holdMax"), v(f, p + "repsMin"), v(f, p + "repsMax"), v(f, p + "sides"),
                    v(f, p + "note"));
            if (!row.empty()) {
                rows.add(row.at(rows.size()));
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : f.getOrDefault("days", List.of())) {
            try {
                days.add(DayOfWeek.valueOf(d));
            } catch (IllegalArgumentException e) {
                // not a day: ignored
            }
        }
        return new TemplateForm(v(f, "name"), v(f, "description"), withSpares(rows), days,
                v(f, "sessionsPerDay"), v(f, "status"));
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

    Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Enter a name.");
        }
        if (description.isBlank()) {
            errors.put("description", "Enter a short description.");
        }
        if (filled().isEmpty()) {
            errors.put("items", "Pick at least one exercise.");
        }
        for (Row row : filled()) {
            if (!row.overridesDose()) {
                continue;
            }
            boolean bad = (!row.sets().isBlank() && number(row.sets()) == null)
                    || (!row.holdMin().isBlank() && number(row.holdMin()) == null)
                    || (!row.holdMax().isBlank() && number(row.holdMax()) == null)
                    || (!row.repsMin().isBlank() && number(row.repsMin()) == null)
                    || (!row.repsMax().isBlank() && number(row.repsMax()) == null);
            if (bad) {
                errors.put(row.key(), "Use whole numbers for sets, hold and reps.");
            } else if (range(row.holdMin(), row.holdMax()) == null && range(row.repsMin(), row.repsMax()) == null) {
                errors.put(row.key(), "Give a hold time or repetitions, or leave the dose blank to keep the exercise's own.");
            }
        }
        if (days.isEmpty()) {
            errors.put("days", "Pick at least one day.");
        }
        Integer sessions = number(sessionsPerDay);
        if (sessions == null || sessions < 1 || sessions > 6) {
            errors.put("sessionsPerDay", "Between 1 and 6 sessions a day.");
        }
        return errors;
    }

    RoutineRequest request() {
        List<RoutineRequest.Item> items = new ArrayList<>();
        for (Row row : filled()) {
            Exercise.Dosage dosage = null;
            if (row.overridesDose()) {
                Integer sets = number(row.sets());
                dosage = new Exercise.Dosage(range(row.holdMin(), row.holdMax()), range(row.repsMin(), row.repsMax()),
                        sets == null ? 1 : sets, DoseText.sides(row.sides()));
            }
            items.add(new RoutineRequest.Item(row.exercise(), dosage,
                    row.note().isBlank() ? null : row.note().strip()));
        }
        return new RoutineRequest(name.strip(), description.strip(), items,
                new RoutineRequest.Schedule(EnumSet.copyOf(days), number(sessionsPerDay)),
                "DRAFT".equals(status) ? LibraryStatus.DRAFT : LibraryStatus.PUBLISHED);
    }

    private static String v(MultivaluedMap<String, String> f, String field) {
        String value = f.getFirst(field);
        return value == null ? "" : value;
    }
}
