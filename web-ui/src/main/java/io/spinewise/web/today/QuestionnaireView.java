package io.spinewise.web.today;

import io.spinewise.web.client.model.DueAssessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A due questionnaire as its page shows it: each item with its field names, its answers, what the patient
 * entered (or, for an activity item, the activity named last time) and the errors by field.
 *
 * @param otherLanguage the texts (English, from plan-service) are not in the page's language: the page says so
 * @param message       plan-service's refusal in words, shown above the form, or null
 */
public record QuestionnaireView(DueAssessment due, List<Question> questions, String idempotencyKey,
                                boolean otherLanguage, Map<String, String> errors, String message) {

    /** One item: {@code number} counts the activity items (Activity 1, 2, …); {@code anchors} the labelled answers. */
    public record Question(String id, String field, String text, boolean activityNamed, int number,
                           List<DueAssessment.Option> options, String anchors, String chosen, String activity) {

        public String activityField() {
            return field + ".activity";
        }

        public boolean isChosen(int value) {
            return String.valueOf(value).equals(chosen);
        }

        /** A safe id for the page's elements (the item id is already [a-z0-9-]). */
        public String htmlId() {
            return "q-" + id;
        }
    }

    static QuestionnaireView of(DueAssessment due, Map<String, String> entered, String key, String pageLanguage,
                                Map<String, String> errors, String message) {
        List<Question> questions = new ArrayList<>();
        int activities = 0;
        for (DueAssessment.Item item : due.itemsOrEmpty()) {
            String field = QuestionnaireForm.PREFIX + item.id();
            String activity = null;
            int number = 0;
            if (item.activityNamed()) {
                number = ++activities;
                List<String> previous = due.previousActivitiesOrEmpty();
                activity = entered.containsKey(field + ".activity") ? entered.get(field + ".activity")
                        : number <= previous.size() ? previous.get(number - 1) : "";
            }
            questions.add(new Question(item.id(), field, item.text(), item.activityNamed(), number,
                    item.options() == null ? List.of() : item.options(), anchors(item), entered.get(field), activity));
        }
        return new QuestionnaireView(due, questions, key == null ? UUID.randomUUID().toString() : key,
                !due.language().equals(pageLanguage), errors, message);
    }

    private static String anchors(DueAssessment.Item item) {
        if (item.options() == null) {
            return "";
        }
        return item.options().stream().filter(o -> o.label() != null && !o.label().isBlank())
                .map(o -> o.value() + " = " + o.label()).collect(Collectors.joining(", "));
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
