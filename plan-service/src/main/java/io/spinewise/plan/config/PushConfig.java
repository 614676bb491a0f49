package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Web Push reminders ({@code spinewise.push.*}): the VAPID key pair (RFC 8292) that signs this server's
 * requests to the push services; without both keys, reminders by push are not offered. Per-message headers
 * (RFC 8030): how long the push service keeps an undelivered reminder, and its urgency.
 */
@ConfigMapping(prefix = "spinewise.push")
public interface PushConfig {

    Vapid vapid();

    /** How long a push service keeps a reminder for a browser that is offline (TTL). */
    @WithDefault("4h")
    Duration ttl();

    /** RFC 8030 Urgency: very-low, low, normal, high. */
    @WithDefault("normal")
    String urgency();

    /** A Quarkus TLS configuration ({@code quarkus.tls.NAME.*}) to trust push services by; the JVM's trust otherwise. */
    Optional<String> tlsConfigurationName();

    /** Browsers one patient may subscribe. */
    @WithDefault("10")
    int maxSubscriptionsPerPatient();

    /** The application server's keys, base64url: the public key as a 65-byte point, the private as 32 bytes. */
    interface Vapid {
        Optional<String> publicKey();

        Optional<String> privateKey();

        /** Who the push services can contact about this server: a mailto: or https: URL. */
        @WithDefault("mailto:reminders@spinewise.invalid")
        String subject();
    }

    /** Whether both keys are set. */
    default boolean available() {
        return vapid().publicKey().filter(k -> !k.isBlank()).isPresent()
                && vapid().privateKey().filter(k -> !k.isBlank()).isPresent();
    }
}
