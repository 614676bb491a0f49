package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One of my browsers that receives reminders by Web Push (its keys are not shown again). */
public record PushSubscriptionView(
        UUID id,
        @Schema(description = "The push service's URL for that browser") String endpoint,
        @Schema(nullable = true, description = "What I may know the device by, e.g. Firefox on Android")
        String userAgent,
        Instant createdAt,
        @Schema(nullable = true, description = "When a reminder last reached the push service for it")
        Instant lastSuccessAt) {
}
