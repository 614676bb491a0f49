package io.spinewise.plan.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The VAPID {@code Authorization} header of RFC 8292: {@code vapid t=JWT, k=public key}, the JWT signed with
 * ES256 by this server's private key and naming the push service's origin ({@code aud}), an expiry at most
 * 24 hours ahead ({@code exp}; 12 hours here) and whom to contact ({@code sub}).
 */
public final class Vapid {

    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final String HEADER = P256.encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}"
            .getBytes(StandardCharsets.UTF_8));

    private final ECPrivateKey privateKey;
    private final String publicKey;
    private final String subject;

    public Vapid(String publicKey, String privateKey, String subject) throws GeneralSecurityException {
        byte[] point = P256.decode(publicKey);
        byte[] scalar = P256.decode(privateKey);
        if (!P256.isPoint(point) || scalar == null || scalar.length != 32) {
            throw new GeneralSecurityException("the VAPID keys are not a base64url P-256 point and 32-byte scalar");
        }
        this.privateKey = P256.privateKey(scalar);
        this.publicKey = P256.encode(point);
        this.subject = subject;
    }

    /** The header's value for a request to this endpoint. */
    public String authorization(URI endpoint, Instant now) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String claims = "{\"aud\":\"" + audience + "\",\"exp\":" + now.plus(LIFETIME).getEpochSecond()
                + ",\"sub\":\"" + subject.replace("\"", "") + "\"}";
        String signed = HEADER + "." + P256.encode(claims.getBytes(StandardCharsets.UTF_8));
        return "vapid t=" + signed + "." + P256.encode(sign(signed)) + ", k=" + publicKey;
    }

    private byte[] sign(String input) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }
}
