package io.spinewise.plan.api;

import io.spinewise.plan.outcomes.Item;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A questionnaire the patient is asked to answer today, with everything the form needs. */
@Schema(description = "A questionnaire due today: answer it with POST /api/me/assessments/{assignmentId}/responses"
        + " and this dueDate.")
public record DueAssessmentView(
        @Schema(description = "The assignment to answer") UUID assignmentId,
        @Schema(description = "The instrument's code") String instrument,
        @Schema(description = "The instrument's name") String title,
        @Schema(description = "The occasion being answered, to send back") LocalDate dueDate,
        @Schema(description = "true when it was due on an earlier day (answered now, it counts as late)")
        boolean late,
        @Schema(description = "The language of the texts: en (no translation ships, whatever the patient's"
                + " language)") String language,
        @Schema(description = "What the patient is asked to do") String instructions,
        @Schema(description = "The items and their answers") List<Item> items,
        @Schema(description = "PSFS: the activities the patient named last time, to rate again (the patient may"
                + " change them); empty otherwise") List<String> previousActivities) {
}
