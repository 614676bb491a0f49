package io.spinewise.plan.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.domain.Patient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A place in a clinic's patient list, which goes by (last name, first name, id): the {@code after} and
 * {@code before} of a page link, so that the next or previous page starts there in the name index instead of
 * counting past every patient before it (an offset). Opaque to clients: URL-safe Base64 of the three values.
 * It needs no signature: the clinic comes from the token, so a made-up position only starts a page elsewhere
 * in the caller's own list.
 */
public record PatientPosition(String lastName, String firstName, UUID id) {

    /** Longer than any position this list gives (names are at most 100 characters each). */
    public static final int MAX_LENGTH = 1200;

    /** NUL: PostgreSQL's text cannot hold it, so no name contains it. */
    private static final char SEPARATOR = '\0';

    public static PatientPosition of(Patient patient) {
        return new PatientPosition(patient.lastName, patient.firstName, patient.id);
    }

    /** The text for a link. */
    public String text() {
        String joined = lastName + SEPARATOR + firstName + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in a link, or null when there is none; text this list did not give is a 400 naming
     * {@code parameter}, never a 500.
     */
    public static PatientPosition parse(String text, String parameter) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = joined.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && parts[0].length() <= 100 && parts[1].length() <= 100) {
                return new PatientPosition(parts[0], parts[1], UUID.fromString(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // not Base64 or not a UUID: the same answer as a wrong number of parts, below
        }
        throw ProblemException.invalid(parameter, "is not a position in this list (use the next or previous"
                + " link of a page)");
    }
}
