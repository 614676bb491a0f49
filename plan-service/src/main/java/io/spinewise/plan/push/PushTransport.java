package io.spinewise.plan.push;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.spinewise.plan.config.PushConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

/**
 * Delivers one encrypted message to one push service (RFC 8030 §5): POST to the browser's endpoint with the
 * VAPID Authorization, TTL and Urgency, body in the aes128gcm coding. The push services are outside the
 * platform (Mozilla's, Google's, Apple's); HTTPS is trusted as the JVM trusts it, or by the TLS configuration
 * named in {@code spinewise.push.tls-configuration-name} (the tests' local push service).
 */
@ApplicationScoped
public class PushTransport {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    PushConfig config;

    @Inject
    TlsConfigurationRegistry tls;

    private HttpClient client;
    private Vapid vapid;

    @PostConstruct
    void start() {
        try {
            SSLContext ssl = config.tlsConfigurationName().isPresent()
                    ? TlsConfiguration.from(tls, config.tlsConfigurationName()).orElseThrow().createSSLContext()
                    : SSLContext.getDefault();
            client = HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(ssl)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            if (config.available()) {
                vapid = new Vapid(config.vapid().publicKey().orElseThrow(), config.vapid().privateKey().orElseThrow(),
                        config.vapid().subject());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Web Push cannot start: " + e.getMessage(), e);
        }
    }

    /** Encrypts and posts the payload; the push service's status, or an exception when it could not be reached. */
    public int send(String endpoint, byte[] browserKey, byte[] authSecret, byte[] payload, Instant now)
            throws IOException, InterruptedException, GeneralSecurityException {
        if (vapid == null) {
            throw new GeneralSecurityException("no VAPID keys are configured");
        }
        URI uri = URI.create(endpoint);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", vapid.authorization(uri, now))
                .header("TTL", Long.toString(config.ttl().toSeconds()))
                .header("Urgency", config.urgency())
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Aes128Gcm.encrypt(payload, browserKey, authSecret)))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
