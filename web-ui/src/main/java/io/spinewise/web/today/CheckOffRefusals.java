package io.spinewise.web.today;

import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.Problem;
import io.spinewise.web.language.PatientMessages;

/**
 * plan-service's refusal of a check-off in the patient's own words, for the refusals a patient can
 * meet on Today: known by status and by the field a validation problem names (never by the wording
 * of the service's sentence, which may change). An unknown refusal keeps the service's own sentence.
 */
final class CheckOffRefusals {

    private CheckOffRefusals() {
    }

    /** The sentence above the form. */
    static String sentence(ServiceException refusal, PatientMessages words) {
        if (refusal.unavailable()) {
            return words.refusedServiceDown();
        }
        if (refusal.status() == 409) {
            return words.refusedConflict();
        }
        if (refusal.status() == 404) {
            return words.refusedNoPlan();
        }
        if (refusal.status() == 400 && refusal.violations().size() == 1) {
            Problem.Violation only = refusal.violations().get(0);
            if ("date".equals(only.field())) {
                return words.refusedDay();
            }
            if ("slot".equals(only.field())) {
                return words.refusedSession();
            }
        }
        return refusal.readableMessage();
    }
}
