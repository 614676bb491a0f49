package io.spinewise.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A real token signer for service tests: RS256 tokens shaped like the ones Keycloak's realm
 * {@code clinic} issues (roles in {@code realm_access.roles}, the tenant in {@code clinic_id}).
 * As a test resource it points quarkus-oidc at the matching public key and issuer, so the
 * service verifies signatures, issuer and expiry exactly as in production.
 */
public class TestIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://issuer.test.spinewise/realms/clinic";

    /** The audiences Keycloak puts into web-ui and clinic-cli tokens: the two back-end services. */
    public static final List<String> AUDIENCES = List.of("catalog-service", "plan-service");

    private static final PrivateKey SIGNING_KEY = loadSigningKey();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", pemBody("spinewise-test-verification-key.pem"),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    @Override
    public void stop() {
        // nothing runs
    }

    /** A valid token for a user with one realm role in one clinic. */
    public static String token(String subject, String role, String clinicId) {
        return sign(subject, List.of(role), clinicId, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A token for a fresh random user. */
    public static String token(String role, String clinicId) {
        return token(UUID.randomUUID().toString(), role, clinicId);
    }

    /** A correctly signed token whose lifetime ended a while ago. */
    public static String expiredToken(String role, String clinicId) {
        return sign(UUID.randomUUID().toString(), List.of(role), clinicId, Instant.now().minus(Duration.ofHours(1)));
    }

    /** A correctly signed token meant for another audience (e.g. some other client of the realm). */
    public static String tokenForAudience(String audience, String role, String clinicId) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString())
                .audience(audience)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("clinic_id", clinicId)
                .expiresIn(300)
                .sign(SIGNING_KEY);
    }

    /**
     * A token exactly like {@link #token(String, String)} but signed by a key the service does not
     * know (a forger's own RSA key, made once per test JVM): the signature check must refuse it.
     */
    public static String tokenSignedByAnotherKey(String role, String clinicId) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString())
                .audience(Set.copyOf(AUDIENCES))
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("clinic_id", clinicId)
                .expiresIn(300)
                .sign(ForeignKey.PRIVATE_KEY);
    }

    /** A token like {@link #token(String, String)}, signed with the right key, but naming another issuer. */
    public static String tokenFromIssuer(String issuer, String role, String clinicId) {
        return Jwt.issuer(issuer).subject(UUID.randomUUID().toString())
                .audience(Set.copyOf(AUDIENCES))
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("clinic_id", clinicId)
                .expiresIn(300)
                .sign(SIGNING_KEY);
    }

    /**
     * The claims of a valid token with no signature at all ({@code "alg": "none"}, an empty third
     * part): the oldest JWT forgery, which a verifier must refuse.
     */
    public static String unsignedToken(String role, String clinicId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + UUID.randomUUID() + "\",\"aud\":[\""
                + String.join("\",\"", AUDIENCES) + "\"],\"iat\":" + now + ",\"exp\":" + (now + 300)
                + ",\"realm_access\":{\"roles\":[\"" + role + "\"]},\"clinic_id\":\"" + clinicId + "\"}";
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A token without a {@code clinic_id} claim (a misconfigured user). */
    public static String tokenWithoutClinic(String role) {
        return Jwt.issuer(ISSUER).subject(UUID.randomUUID().toString())
                .audience(Set.copyOf(AUDIENCES))
                .claim("realm_access", Map.of("roles", List.of(role)))
                .expiresIn(300)
                .sign(SIGNING_KEY);
    }

    private static String sign(String subject, List<String> roles, String clinicId, Instant expiresAt) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(Set.copyOf(AUDIENCES))
                .preferredUserName("user-" + subject.substring(0, Math.min(8, subject.length())))
                .claim("realm_access", Map.of("roles", roles))
                .claim("clinic_id", clinicId)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(5)))
                .expiresAt(expiresAt)
                .sign(SIGNING_KEY);
    }

    /** Made on first use only, so the other tests do not pay for an RSA key generation. */
    private static final class ForeignKey {

        static final PrivateKey PRIVATE_KEY = generate();

        private static PrivateKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no RSA key generator", e);
            }
        }
    }

    private static PrivateKey loadSigningKey() {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody("spinewise-test-signing-key.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("test signing key unreadable", e);
        }
    }

    private static String pemBody(String resource) {
        try (InputStream in = TestIssuer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
