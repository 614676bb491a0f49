package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One audit record: who did what to whose data, and how it ended. {@code actor} and
 * {@code patientId} are ids, kept for investigations; {@code actorName} (from the token when the
 * event was recorded) and {@code patientName} are null where plan-service has none.
 */
public record AuditEvent(Long id, Instant at, String actor, String actorName, String actorRole, UUID patientId,
                         String patientName, String action, String outcome, Integer status, String target) {

    /** The role in words: "clinic-admin" → "clinic administrator". */
    public String roleText() {
        if (actorRole == null) {
            return "";
        }
        return switch (actorRole) {
            case "clinic-admin" -> "clinic administrator";
            case "chiropractor", "patient" -> actorRole;
            default -> Labels.of(actorRole).toLowerCase(Locale.ROOT);
        };
    }
}
