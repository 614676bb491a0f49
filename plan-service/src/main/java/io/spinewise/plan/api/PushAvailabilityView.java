package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether reminders by Web Push can be sent here, and the key a browser subscribes with. */
public record PushAvailabilityView(
        @Schema(description = "false: this installation has no VAPID keys, so PUSH is not offered") boolean available,
        @Schema(nullable = true, description = "The VAPID public key (base64url, 65-byte uncompressed P-256 point):"
                + " pushManager.subscribe's applicationServerKey") String publicKey) {
}
