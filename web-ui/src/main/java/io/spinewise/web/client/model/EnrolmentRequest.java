package io.spinewise.web.client.model;

/** A new patient of the caller's clinic (the clinic comes from the token). */
public record EnrolmentRequest(String firstName, String lastName, String email, String timeZone) {
}
