package io.spinewise.web.today;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.CheckOffRequest;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.language.PatientMessages;
import io.spinewise.web.form.FormInput;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Today page's check-off form, read and checked before it goes to plan-service:
 * {@code exercise} (each prescribed slug, in order), {@code done} (the ticked slugs),
 * {@code seconds.<slug>} / {@code reps.<slug>} (from the timer and counter), pain before and
 * after (0–10), difficulty (1–5), a note, and the {@code idempotencyKey} the page was rendered
 * with, so that a double submit is recorded once; {@code performedAt} (ISO-8601 with offset) only from
 * the phone's outbox (app.js), when the session was done offline.
 */
final class CheckOffForm {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private final FormInput input;
    /** The page's words, in the patient's language. */
    private final PatientMessages words;
    final UUID planId;
    final LocalDate date;
    final Integer slot;
    final String idempotencyKey;
    final List<CheckOffRequest.Item> items = new ArrayList<>();
    final Integer painBefore;
    final Integer painAfter;
    final Integer difficulty;
    final String note;
    final Instant performedAt;

    private CheckOffForm(FormInput input, PatientMessages words) {
        this.input = input;
        this.words = words;
        planId = input.uuid("planId");
        date = hiddenDate(input.text("date"));
        slot = choice("slot", input.text("slot"), 1, 12);
        String key = input.text("idempotencyKey");
        idempotencyKey = key.matches("^[A-Za-z0-9-]{8,64}$") ? key : null;
        if (planId == null || date == null || slot == null || idempotencyKey == null) {
            input.error("form", words.formOutOfDate());
        }
        readItems();
        painBefore = choice("painBefore", input.text("painBefore"), 0, 10);
        painAfter = choice("painAfter", input.text("painAfter"), 0, 10);
        difficulty = choice("difficulty", input.text("difficulty"), 1, 5);
        note = input.optional("note");
        performedAt = instant(input.optional("performedAt"));
        if (note != null && note.length() > 500) {
            input.error("note", words.noteTooLong());
        }
    }

    static CheckOffForm read(MultivaluedMap<String, String> form, PatientMessages words) {
        return new CheckOffForm(FormInput.of(form), words);
    }

    private void readItems() {
        List<String> done = input.all("done");
        List<String> exercises = input.all("exercise");
        if (exercises.size() > 20) {
            input.error("form", words.tooManyExercises());
        }
        for (String slug : exercises) {
            if (!SLUG.matcher(slug).matches()) {
                input.error("form", words.formOutOfDate());
                continue;
            }
            Integer seconds = choice("seconds." + slug, input.text("seconds." + slug), 0, 3600);
            Integer reps = choice("reps." + slug, input.text("reps." + slug), 0, 1000);
            items.add(new CheckOffRequest.Item(slug, done.contains(slug), zeroToNull(seconds), zeroToNull(reps)));
        }
        if (!exercises.isEmpty() && done.isEmpty()) {
            input.error("done", words.tickOne());
        }
    }

    /** What the patient entered, to show again when the form comes back with a problem. */
    PlanSection.Entered entered() {
        return new PlanSection.Entered(Set.copyOf(input.all("done")), painBefore, painAfter, difficulty,
                note == null ? "" : note);
    }

    Map<String, String> errors() {
        return input.errors();
    }

    /** plan-service's refusal, by the field it names (the form's fields are named as its request's). */
    void refused(ServiceException e) {
        input.refused(e, FieldTarget::same);
    }

    boolean valid() {
        return input.valid();
    }

    CheckOffRequest request() {
        return new CheckOffRequest(planId, date, slot, items, painBefore, painAfter, difficulty, note, performedAt);
    }

    /** A number the page offered as choices (chips, a slot), so the words say "choose". */
    private Integer choice(String field, String text, int min, int max) {
        return input.number(field, text, min, max, words.chooseNumber(min, max));
    }

    private static Integer zeroToNull(Integer value) {
        return value == null || value == 0 ? null : value;
    }

    /** The outbox's time of the session (app.js writes it with toISOString); anything else: the form is out of date. */
    private Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            input.error("form", words.formOutOfDate());
            return null;
        }
    }

    /** The day the page was rendered for, as it wrote it (ISO-8601); null for anything else. */
    private static LocalDate hiddenDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
