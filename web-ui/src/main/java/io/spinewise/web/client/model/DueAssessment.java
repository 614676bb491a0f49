package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A questionnaire due for the patient today, as GET /api/me/assessments/due lists it: its items and the
 * answers each takes, in English ({@code language}), and for PSFS the activities named last time.
 */
public record DueAssessment(UUID assignmentId, String instrument, String title, LocalDate dueDate, boolean late,
                            String language, String instructions, List<Item> items, List<String> previousActivities) {

    /** One item: {@code text} null when the licence does not let it ship; {@code activityNamed} for PSFS. */
    public record Item(String id, String text, List<Option> options, boolean activityNamed) {
    }

    /** One answer an item takes; {@code label} null between a scale's anchors. */
    public record Option(int value, String label) {
    }

    public List<Item> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    public List<String> previousActivitiesOrEmpty() {
        return previousActivities == null ? List.of() : previousActivities;
    }
}
