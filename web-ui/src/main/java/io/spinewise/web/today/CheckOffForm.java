package io.spinewise.web.today;

import io.spinewise.web.client.model.CheckOffRequest;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Today page's check-off form, read and checked before it goes to plan-service:
 * {@code exercise} (each prescribed slug, in order), {@code done} (the ticked slugs),
 * {@code seconds.<slug>} / {@code reps.<slug>} (from the timer and counter), pain before and
 * after (0–10), difficulty (1–5), a note, and the {@code idempotencyKey} the page was rendered
 * with, so that a double submit is recorded once.
 */
final class CheckOffForm {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    final Map<String, String> errors = new LinkedHashMap<>();
    UUID planId;
    LocalDate date;
    Integer slot;
    String idempotencyKey;
    final List<CheckOffRequest.Item> items = new ArrayList<>();
    Integer painBefore;
    Integer painAfter;
    Integer difficulty;
    String note;

    static CheckOffForm read(MultivaluedMap<String, String> form) {
        CheckOffForm f = new CheckOffForm();
        f.planId = uuid(form.getFirst("planId"));
        f.date = date(form.getFirst("date"));
        f.slot = integer(f, "slot", form.getFirst("slot"), 1, 12);
        String key = form.getFirst("idempotencyKey");
        f.idempotencyKey = key != null && key.matches("^[A-Za-z0-9-]{8,64}$") ? key : null;
        if (f.planId == null || f.date == null || f.slot == null || f.idempotencyKey == null) {
            f.errors.put("form", "This form is out of date. Reload the page and try again.");
        }
        List<String> done = form.getOrDefault("done", List.of());
        List<String> exercises = form.getOrDefault("exercise", List.of());
        if (exercises.size() > 20) {
            f.errors.put("form", "Too many exercises in one session.");
        }
        for (String slug : exercises) {
            if (slug == null || !SLUG.matcher(slug).matches()) {
                f.errors.put("form", "This form is out of date. Reload the page and try again.");
                continue;
            }
            Integer seconds = integer(f, "seconds." + slug, form.getFirst("seconds." + slug), 0, 3600);
            Integer reps = integer(f, "reps." + slug, form.getFirst("reps." + slug), 0, 1000);
            f.items.add(new CheckOffRequest.Item(slug, done.contains(slug), zeroToNull(seconds), zeroToNull(reps)));
        }
        if (!exercises.isEmpty() && done.isEmpty()) {
            f.errors.put("done", "Tick at least one exercise you did.");
        }
        f.painBefore = integer(f, "painBefore", form.getFirst("painBefore"), 0, 10);
        f.painAfter = integer(f, "painAfter", form.getFirst("painAfter"), 0, 10);
        f.difficulty = integer(f, "difficulty", form.getFirst("difficulty"), 1, 5);
        String text = form.getFirst("note");
        f.note = text == null || text.isBlank() ? null : text.strip();
        if (f.note != null && f.note.length() > 500) {
            f.errors.put("note", "Keep the note under 500 characters.");
        }
        return f;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    CheckOffRequest request() {
        return new CheckOffRequest(planId, date, slot, items, painBefore, painAfter, difficulty, note);
    }

    private static Integer integer(CheckOffForm f, String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                f.errors.put(field, "Choose a number from " + min + " to " + max + ".");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            f.errors.put(field, "Choose a number from " + min + " to " + max + ".");
            return null;
        }
    }

    private static Integer zeroToNull(Integer value) {
        return value == null || value == 0 ? null : value;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
