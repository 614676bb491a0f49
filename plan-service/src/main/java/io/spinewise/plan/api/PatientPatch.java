package io.spinewise.plan.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A change to a patient's record: the time zone, which decides what "today" is for the
 * patient's sessions (a patient who moves, or a zone entered wrongly at enrolment). Names and
 * the login stay with the identity provider.
 */
public record PatientPatch(@NotBlank @Size(max = 64) @TimeZoneId String timeZone) {
}
