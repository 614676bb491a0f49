package io.spinewise.keycloak.enrolment;

/**
 * What plan-service sends to enrol a patient. The clinic is not in it: it comes from the staff
 * member's token.
 *
 * @param email             the patient's email, also the login name
 * @param temporaryPassword a one-time password, changed at first sign-in
 */
public record NewPatient(String email, String firstName, String lastName, String temporaryPassword) {
}
