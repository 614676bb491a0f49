package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.UUID;

/** A patient as plan-service shows it; {@code language} is null until the patient chooses one. */
public record Patient(UUID id, String firstName, String lastName, String name, String email, String username,
                      String timeZone, String language, Instant createdAt) {

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? (username == null ? "Patient" : username) : joined;
    }
}
