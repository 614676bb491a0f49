package io.spinewise.plan.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A browser's push subscription as {@code PushSubscription.toJSON()} gives it (without expirationTime), and an
 * optional label for the device. The keys' decoded lengths and the point are checked by the service.
 */
public record PushSubscriptionRequest(
        @Schema(description = "The push service's https URL for this browser", maxLength = MAX_ENDPOINT)
        @NotNull(message = "is required") @Size(max = MAX_ENDPOINT, message = "is longer than 1024 characters")
        @Pattern(regexp = "https://[^\\s]+", message = "must be an https URL") String endpoint,
        @NotNull(message = "is required") @Valid Keys keys,
        @Schema(nullable = true, description = "What I may know the device by, e.g. Firefox on Android")
        @Size(max = 100, message = "is longer than 100 characters") String userAgent) {

    public static final int MAX_ENDPOINT = 1024;

    /** The browser's keys, base64url (padding optional). */
    public record Keys(
            @Schema(description = "The browser's P-256 public key, 65 bytes uncompressed, base64url")
            @NotNull(message = "is required") @Pattern(regexp = BASE64URL, message = NOT_BASE64URL)
            @Size(max = 88, message = "must be 65 bytes") String p256dh,
            @Schema(description = "The browser's auth secret, 16 bytes, base64url")
            @NotNull(message = "is required") @Pattern(regexp = BASE64URL, message = NOT_BASE64URL)
            @Size(max = 24, message = "must be 16 bytes") String auth) {
    }

    static final String BASE64URL = "[A-Za-z0-9_-]+={0,2}";
    static final String NOT_BASE64URL = "must be base64url";
}
