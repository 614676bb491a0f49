package io.spinewise.web.today;

import io.spinewise.web.client.model.AssessmentAnswers;
import io.spinewise.web.form.FormInput;
import io.spinewise.web.language.PatientMessages;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A due questionnaire's form, read and checked before it goes to plan-service. Its fields are named as
 * the request's paths, so plan-service's refusals land by the item: {@code answers.<item>} the chosen value,
 * {@code answers.<item>.activity} an activity the patient names (PSFS). {@code item} lists the page's items
 * in order, {@code named} those the patient names; {@code dueDate} and {@code idempotencyKey} are hidden,
 * the key rendered with the page so that a double submit is counted once. An activity item left wholly
 * blank is not sent (PSFS asks for one to five); any other item must be answered.
 */
final class QuestionnaireForm {

    static final String PREFIX = "answers.";
    private static final Pattern ITEM = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_ITEMS = 30;
    private static final int MAX_ACTIVITY = 120;

    private final FormInput input;
    private final PatientMessages words;
    final LocalDate dueDate;
    final String idempotencyKey;
    final List<AssessmentAnswers.Answer> answers = new ArrayList<>();
    /** What the patient entered, by field name, to fill the form again. */
    final Map<String, String> entered = new LinkedHashMap<>();

    private QuestionnaireForm(FormInput input, PatientMessages words) {
        this.input = input;
        this.words = words;
        dueDate = date(input.text("dueDate"));
        String key = input.text("idempotencyKey");
        idempotencyKey = key.matches("^[A-Za-z0-9-]{8,64}$") ? key : null;
        if (dueDate == null || idempotencyKey == null) {
            input.error("form", words.formOutOfDate());
        }
        readItems();
    }

    static QuestionnaireForm read(MultivaluedMap<String, String> form, PatientMessages words) {
        return new QuestionnaireForm(FormInput.of(form), words);
    }

    private void readItems() {
        List<String> items = input.all("item");
        List<String> named = input.all("named");
        if (items.size() > MAX_ITEMS || items.stream().anyMatch(id -> !ITEM.matcher(id).matches())) {
            input.error("form", words.formOutOfDate());
            return;
        }
        for (String id : items) {
            String field = PREFIX + id;
            String valueText = input.text(field);
            entered.put(field, valueText);
            Integer value = input.number(field, valueText, 0, 1000, words.questionnaireChoose());
            if (!named.contains(id)) {
                if (valueText.isEmpty()) {
                    input.error(field, words.questionnaireChoose());
                }
                answers.add(new AssessmentAnswers.Answer(id, value, null));
                continue;
            }
            String activity = input.text(field + ".activity");
            entered.put(field + ".activity", activity);
            if (activity.isEmpty() && valueText.isEmpty()) {
                continue;
            }
            if (activity.isEmpty()) {
                input.error(field + ".activity", words.questionnaireNameActivity());
            } else if (activity.length() > MAX_ACTIVITY) {
                input.error(field + ".activity", words.questionnaireActivityTooLong(MAX_ACTIVITY));
            }
            if (valueText.isEmpty()) {
                input.error(field, words.questionnaireRateActivity());
            }
            answers.add(new AssessmentAnswers.Answer(id, value, activity));
        }
        if (answers.isEmpty()) {
            input.error("answers", words.questionnaireEmpty());
        }
    }

    FormInput input() {
        return input;
    }

    AssessmentAnswers request() {
        return new AssessmentAnswers(dueDate, answers);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
