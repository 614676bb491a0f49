package io.spinewise.plan.api;

import java.time.Instant;
import java.util.UUID;

/** One audit record: who did what to whose data, and how it ended. */
public record AuditEventView(long id, Instant at, String actor, String actorRole, UUID patientId, String action,
                             String outcome, int status, String target) {
}
