package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient as plan-service shows it; {@code language} is null until the patient chooses one. An erased patient has
 * {@code erasedAt} (and the name "Erased patient"); one whose erasure is not finished has only
 * {@code erasureRequestedAt}.
 */
public record Patient(UUID id, String firstName, String lastName, String name, String email, String username,
                      String timeZone, String language, Instant createdAt, Instant erasureRequestedAt,
                      Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }

    /** Marked for erasure, its login not removed yet: erasing again finishes it. */
    public boolean erasurePending() {
        return erasureRequestedAt != null && erasedAt == null;
    }

    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return joined.isEmpty() ? (username == null ? "Patient" : username) : joined;
    }
}
