package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A questionnaire assigned to a patient (GET /api/patients/{id}/assessments): its cadence ({@code everyWeeks} null:
 * once) and where it stands on the patient's today.
 */
public record Assessment(UUID id, String instrument, String title, LocalDate startDate, Integer everyWeeks,
                         boolean active, LocalDate stoppedOn, LocalDate dueNow, LocalDate nextDue, int answered,
                         List<LocalDate> missed) {

    public List<LocalDate> missedOrEmpty() {
        return missed == null ? List.of() : missed;
    }
}
