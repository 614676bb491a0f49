package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit record: who did what to whose data, and how it ended.
 *
 * @param actor       the user id ({@code sub}) of whoever acted
 * @param actorName   their display name from the token at the time (null for records written
 *                    before names were kept, or when the token had none)
 * @param patientName the patient's current name (null without a patient, or for a patient of
 *                    another clinic, whose name this clinic must not learn)
 */
public record AuditEventView(long id, Instant at, String actor, @Schema(nullable = true) String actorName,
                             @Schema(nullable = true) String actorRole, @Schema(nullable = true) UUID patientId,
                             @Schema(nullable = true) String patientName, String action, String outcome, int status,
                             @Schema(nullable = true) String target) {
}
