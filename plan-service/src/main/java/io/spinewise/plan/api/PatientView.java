package io.spinewise.plan.api;

import java.time.Instant;
import java.util.UUID;

/** A patient as the API shows it. */
public record PatientView(UUID id, String firstName, String lastName, String name, String email, String username,
                          String timeZone, Instant createdAt) {
}
