package io.spinewise.web.client.model;

/**
 * A browser's push subscription as its {@code PushSubscription.toJSON()} gives it (POST
 * /api/me/push-subscriptions), with what the device may be known by (null: nothing).
 */
public record PushSubscriptionRequest(String endpoint, Keys keys, String userAgent) {

    /** The browser's P-256 public key and auth secret, base64url. */
    public record Keys(String p256dh, String auth) {
    }
}
