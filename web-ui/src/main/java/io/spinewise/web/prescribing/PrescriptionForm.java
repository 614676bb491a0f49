package io.spinewise.web.prescribing;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.page.DateInput;
import io.spinewise.web.page.FieldErrors;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The prescription form, read back: the rows ({@code item.*} fields, one value per row, in
 * order), the template it started from, the title and the schedule. Checks what the page can
 * check; plan-service has the last word.
 */
final class PrescriptionForm {

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    final Map<String, String> errors = new LinkedHashMap<>();
    final List<ItemRow> rows = new ArrayList<>();
    String routine;
    String title;
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    Integer sessionsPerDay;
    LocalDate startDate;
    LocalDate endDate;

    static PrescriptionForm read(MultivaluedMap<String, String> form) {
        PrescriptionForm f = new PrescriptionForm();
        String routine = form.getFirst("routine");
        f.routine = routine != null && SLUG.matcher(routine).matches() ? routine : null;
        f.title = trimmed(form.getFirst("title"));
        List<String> slugs = form.getOrDefault("item.exercise", List.of());
        for (int i = 0; i < slugs.size() && i < 20; i++) {
            String slug = slugs.get(i);
            if (slug == null || !SLUG.matcher(slug).matches()) {
                continue;
            }
            String kind = "reps".equals(at(form, "item.kind", i)) ? "reps" : "hold";
            Integer sets = number(f, "item.sets", at(form, "item.sets", i), 1, 20);
            Integer amount = number(f, "item.amount", at(form, "item.amount", i), 1, kind.equals("hold") ? 3600 : 1000);
            String side = at(form, "item.side", i);
            if (!ItemRow.SIDES.contains(side)) {
                side = "BOTH";
            }
            String note = at(form, "item.note", i);
            if (note != null && note.length() > 280) {
                f.errors.put("items", "A note can have at most 280 characters.");
            }
            f.rows.add(new ItemRow(ItemRow.newId(), slug, trimmed(at(form, "item.name", i)), sets, kind, amount, side,
                    note == null ? "" : note, trimmed(at(form, "item.hint", i))));
        }
        if (slugs.size() > 20) {
            f.errors.put("items", "A plan can have at most 20 exercises.");
        }
        if (f.rows.isEmpty()) {
            f.errors.put("items", "Add at least one exercise.");
        }
        for (String day : form.getOrDefault("days", List.of())) {
            try {
                f.days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException ignored) {
                // not a day: ignored
            }
        }
        if (f.days.isEmpty()) {
            f.errors.put("days", "Choose at least one day.");
        }
        f.sessionsPerDay = number(f, "sessionsPerDay", form.getFirst("sessionsPerDay"), 1, 6);
        if (f.sessionsPerDay == null) {
            f.sessionsPerDay = 1;
        }
        f.startDate = date(f, "startDate", form.getFirst("startDate"));
        if (f.startDate == null && !f.errors.containsKey("startDate")) {
            f.errors.put("startDate", "Give a start date.");
        }
        f.endDate = date(f, "endDate", form.getFirst("endDate"));
        if (f.startDate != null && f.endDate != null && f.endDate.isBefore(f.startDate)) {
            f.errors.put("endDate", "The end date must not be before the start date.");
        }
        return f;
    }

    PlanRequest request() {
        return new PlanRequest(title, routine, rows.stream().map(ItemRow::request).toList(),
                new PlanRequest.ScheduleRequest(days, sessionsPerDay, startDate, endDate));
    }

    private static String at(MultivaluedMap<String, String> form, String field, int i) {
        List<String> values = form.get(field);
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer number(PrescriptionForm f, String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        f.errors.put(field, "Use a whole number from " + min + " to " + max + ".");
        return null;
    }

    private static LocalDate date(PrescriptionForm f, String field, String value) {
        DateInput input = DateInput.read(value, null);
        if (!input.valid()) {
            f.errors.put(field, input.error());
        }
        return input.value();
    }

    /**
     * Sends the prescription with {@code call} unless the form already has errors; a service's
     * refusal becomes field errors (and a form-level sentence), "unavailable" is thrown on.
     *
     * @return whether the service accepted it
     */
    boolean send(Consumer<PlanRequest> call) {
        if (!errors.isEmpty()) {
            return false;
        }
        try {
            call.accept(request());
            return true;
        } catch (ServiceException e) {
            if (e.unavailable()) {
                throw e;
            }
            FieldErrors.put(e, errors, FieldErrors::prescriptionField);
            errors.putIfAbsent("form", e.readableMessage());
            return false;
        }
    }
}
