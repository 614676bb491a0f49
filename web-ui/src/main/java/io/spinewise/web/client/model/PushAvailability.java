package io.spinewise.web.client.model;

/**
 * Whether plan-service sends reminders by Web Push (GET /api/me/push-subscriptions/public-key), and the VAPID
 * public key a browser subscribes with (base64url; null when not offered).
 */
public record PushAvailability(boolean available, String publicKey) {

    /** Offered, with a key a page can hand to the browser. */
    public boolean offered() {
        return available && publicKey != null && !publicKey.isBlank();
    }
}
