package io.spinewise.web.prescribing;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.PlanRequest;
import io.spinewise.web.client.model.Side;
import io.spinewise.web.client.model.Term;
import io.spinewise.web.form.FieldTarget;
import io.spinewise.web.form.FormInput;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
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
    private static final int MAX_ITEMS = 20;

    private final FormInput input;
    final List<ItemRow> rows = new ArrayList<>();
    final String routine;
    final String title;
    final Set<DayOfWeek> days;
    final Integer sessionsPerDay;
    final LocalDate startDate;
    final LocalDate endDate;

    private PrescriptionForm(FormInput input) {
        this.input = input;
        String slug = input.text("routine");
        routine = SLUG.matcher(slug).matches() ? slug : null;
        title = input.optional("title");
        readRows();
        days = input.ticked("days", DayOfWeek.class);
        if (days.isEmpty()) {
            input.error("days", "Choose at least one day.");
        }
        Integer sessions = input.number("sessionsPerDay", 1, 6);
        sessionsPerDay = sessions == null ? 1 : sessions;
        startDate = input.date("startDate");
        if (startDate == null && !input.hasError("startDate")) {
            input.error("startDate", "Give a start date.");
        }
        endDate = input.date("endDate");
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            input.error("endDate", "The end date must not be before the start date.");
        }
    }

    static PrescriptionForm read(MultivaluedMap<String, String> form) {
        return new PrescriptionForm(FormInput.of(form));
    }

    private void readRows() {
        List<String> slugs = input.all("item.exercise");
        for (int i = 0; i < slugs.size() && i < MAX_ITEMS; i++) {
            String slug = slugs.get(i);
            if (!SLUG.matcher(slug).matches()) {
                continue;
            }
            String kind = "reps".equals(input.text("item.kind", i)) ? "reps" : "hold";
            Integer sets = input.number("item.sets", input.text("item.sets", i), 1, 20, wholeNumber(1, 20));
            int most = kind.equals("hold") ? 3600 : 1000;
            Integer amount = input.number("item.amount", input.text("item.amount", i), 1, most, wholeNumber(1, most));
            Side side = Term.parse(Side.class, input.text("item.side", i), Side.BOTH);
            String note = input.text("item.note", i);
            if (note.length() > 280) {
                input.error("items", "A note can have at most 280 characters.");
            }
            rows.add(new ItemRow(ItemRow.newId(), slug, orNull(input.text("item.name", i)), sets, kind, amount,
                    side, note, orNull(input.text("item.hint", i))));
        }
        if (slugs.size() > MAX_ITEMS) {
            input.error("items", "A plan can have at most " + MAX_ITEMS + " exercises.");
        }
        if (rows.isEmpty()) {
            input.error("items", "Add at least one exercise.");
        }
    }

    /** What is wrong, by field; the service's refusal joins it when {@link #send} was refused. */
    Map<String, String> errors() {
        return input.errors();
    }

    /** The sentence above the form: the service's, when it refused, else ours. */
    String message() {
        return input.refusal().map(ServiceException::readableMessage).orElse("Please correct the marked fields.");
    }

    PlanRequest request() {
        return new PlanRequest(title, routine, rows.stream().map(ItemRow::request).toList(),
                new PlanRequest.ScheduleRequest(days, sessionsPerDay, startDate, endDate));
    }

    /**
     * Sends the prescription with {@code call} unless the form already has errors; a refusal
     * becomes field errors, "unavailable" is thrown on.
     *
     * @return whether the service accepted it
     */
    boolean send(Consumer<PlanRequest> call) {
        return input.send(() -> call.accept(request()), PrescriptionForm::field);
    }

    /** The form field for a path in plan-service's plan request. */
    static FieldTarget field(String path) {
        return switch (path) {
            case "schedule.startDate" -> FieldTarget.same("startDate");
            case "schedule.endDate" -> FieldTarget.same("endDate");
            case "schedule.daysOfWeek" -> FieldTarget.same("days");
            case "schedule.sessionsPerDay" -> FieldTarget.same("sessionsPerDay");
            default -> path.startsWith("items") ? FieldTarget.of(path, "items", "items") : FieldTarget.same(path);
        };
    }

    private static String wholeNumber(int min, int max) {
        return "Use a whole number from " + min + " to " + max + ".";
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
