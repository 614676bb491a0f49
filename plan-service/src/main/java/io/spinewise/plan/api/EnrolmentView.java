package io.spinewise.plan.api;

/**
 * What enrolment answers: the patient, and the login to hand them (shown once; the password
 * must be changed at first login).
 */
public record EnrolmentView(PatientView patient, Login login) {

    public record Login(String username, String temporaryPassword, String instructions) {
    }
}
