package io.spinewise.web.client.model;

/** Enrolment's answer: the patient and the one-time login to hand over (shown once). */
public record Enrolment(Patient patient, Login login) {

    public record Login(String username, String temporaryPassword, String instructions) {
    }
}
