package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A patient as the API shows it. */
public record PatientView(UUID id, String firstName, String lastName, String name,
                          @Schema(nullable = true) String email, @Schema(nullable = true) String username,
                          String timeZone,
                          @Schema(nullable = true,
                                  description = "the language the patient chose for their pages: en, de, fr or es")
                          String language,
                          Instant createdAt,
                          @Schema(nullable = true, description = "when a clinic administrator asked to erase the"
                                  + " patient; while erasedAt is still null the erasure is not finished (erase again)")
                          Instant erasureRequestedAt,
                          @Schema(nullable = true, description = "when the patient was erased: the name is then"
                                  + " \"Erased patient\" and no email, login or language is kept")
                          Instant erasedAt) {
}
