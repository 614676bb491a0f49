package io.spinewise.web.client.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the patient's browsers that receives reminders by Web Push (GET /api/me/push-subscriptions):
 * {@code userAgent} is what the device may be known by (null: none given), {@code lastSuccessAt} when a
 * reminder last reached its push service (null: none yet).
 */
public record PushDevice(UUID id, String endpoint, String userAgent, Instant createdAt, Instant lastSuccessAt) {
}
