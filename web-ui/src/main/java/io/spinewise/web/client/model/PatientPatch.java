package io.spinewise.web.client.model;

/** The body of PATCH /api/patients/{id}: the patient's new time zone (an IANA id such as Europe/Zurich). */
public record PatientPatch(String timeZone) {
}
