package io.spinewise.web.audit;

import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Patient;

import java.util.List;
import java.util.UUID;

/**
 * The audit page's patient filter, made for a clinic with thousands of patients: a patient is
 * chosen by id (a link from an event, a choice, a page link), or found by part of the name or
 * email through plan-service's patient search. No list of the clinic's patients is loaded:
 * a select with every patient would be too long to use and too costly to fill.
 *
 * @param id      the chosen patient, or null for all patients (or while none is decided)
 * @param name    the chosen patient's name where known, else null
 * @param find    the search text as typed, shown again in its field
 * @param error   why the filter cannot be used (an id that is not one), or null
 * @param notice  why no patient is chosen yet although one was searched for, or null
 * @param choices the patients the search found when it found several
 */
public record AuditPatientFilter(UUID id, String name, String find, String error, String notice,
                                 List<Patient> choices) {

    /** Patients offered when a search finds several; more means "type more of the name". */
    static final int CHOICES = 10;

    private static final AuditPatientFilter ALL = new AuditPatientFilter(null, null, "", null, null, List.of());

    /**
     * @param patientText the {@code patient} parameter: a patient id
     * @param findText    the {@code find} parameter: part of a name or email; ignored when an id is given
     */
    static AuditPatientFilter read(String patientText, String findText, PlanClient plan) {
        if (patientText != null && !patientText.isBlank()) {
            try {
                return chosen(UUID.fromString(patientText.strip()), null, "");
            } catch (IllegalArgumentException e) {
                return new AuditPatientFilter(null, null, "", "“" + patientText.strip() + "” is not a patient id."
                        + " Search for the patient by name instead.", null, List.of());
            }
        }
        String find = findText == null ? "" : findText.strip();
        if (find.isEmpty()) {
            return ALL;
        }
        ListPage<Patient> found = plan.patients(find, 0, CHOICES);
        List<Patient> patients = found.itemsOrEmpty();
        if (patients.size() == 1 && found.total() <= 1) {
            return chosen(patients.get(0).id(), patients.get(0).displayName(), find);
        }
        if (patients.isEmpty()) {
            return new AuditPatientFilter(null, null, find, null,
                    "No patient name or email contains “" + find + "”.", List.of());
        }
        String notice = found.total() > patients.size()
                ? found.total() + " patients match “" + find + "”; the first " + patients.size()
                        + " are listed. Type more of the name to narrow the search."
                : patients.size() + " patients match “" + find + "”. Choose one to see their events.";
        return new AuditPatientFilter(null, null, find, null, notice, patients);
    }

    private static AuditPatientFilter chosen(UUID id, String name, String find) {
        return new AuditPatientFilter(id, name, find, null, null, List.of());
    }

    /** The same filter, with the chosen patient's name where it was not known yet. */
    AuditPatientFilter named(String knownName) {
        return name != null || knownName == null ? this
                : new AuditPatientFilter(id, knownName, find, error, notice, choices);
    }

    /** True when events can be asked for: for one patient or for all, not while a choice is pending. */
    boolean decided() {
        return error == null && notice == null;
    }
}
