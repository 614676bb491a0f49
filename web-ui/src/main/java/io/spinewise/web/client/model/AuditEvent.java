package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.UUID;

/** One audit record: who did what to whose data, and how it ended. */
public record AuditEvent(Long id, Instant at, String actor, String actorRole, UUID patientId, String action,
                         String outcome, Integer status, String target) {
}
