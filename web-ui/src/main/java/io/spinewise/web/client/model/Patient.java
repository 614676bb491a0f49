package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.UUID;

/** A patient as plan-service shows it. */
public record Patient(UUID id, String firstName, String lastName, String name, String email, String username,
                      String timeZone, Instant createdAt) {

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? (username == null ? "Patient" : username) : joined;
    }
}
