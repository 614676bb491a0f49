package io.spinewise.plan.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.spinewise.plan.config.PlanConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Bearer tokens that OIDC verified (signature, issuer, audience, expiry), remembered until they expire, so that
 * the same token on the next call is not parsed and its RSA signature not checked again: that was about a sixth
 * of plan-service's CPU per check-off (bench/README.md, "The check-off's second round trip and the token").
 * Only the exact token string verified before is found; a remembered token is refused from its {@code exp} on
 * (OIDC then verifies it again, and refuses it). A key removed from the issuer's key set is therefore still
 * trusted for the tokens it signed until they expire, which are minutes-long access tokens. Each call gets the
 * remembered identity with its own request attached, never the first request's.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above OIDC's provider (the default, 1001): asked first, and says "not mine" for a token it does not know. */
    private static final int BEFORE_OIDC = 1002;

    /** The per-request attributes of an identity, replaced on each call. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private static final Clock CLOCK = Clock.systemUTC();

    @Inject
    PlanConfig config;

    /**
     * At most {@link PlanConfig#verifiedTokens()}: more than the patients of a pod who call within a token's
     * lifetime; Caffeine keeps the ones used again when a scan of more tokens passes by.
     */
    private Cache<String, Verified> verified;

    /** A verified token's identity, without any request's attributes, and when the token expires. */
    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    @PostConstruct
    void create() {
        verified = Caffeine.newBuilder().maximumSize(config.verifiedTokens()).expireAfter(new UntilExpiry()).build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return BEFORE_OIDC;
    }

    /** The remembered identity for this exact token while it is valid; else nothing, and OIDC verifies it. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (config.verifiedTokens() == 0) {
            return Uni.createFrom().nullItem();
        }
        Verified known = verified.getIfPresent(request.getToken().getToken());
        if (known == null || !CLOCK.instant().isBefore(known.expiresAt())) {
            return Uni.createFrom().nullItem();
        }
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, context)
                .build());
    }

    /** Remembers an identity OIDC built from a signed access token. */
    void remember(SecurityIdentity identity) {
        if (config.verifiedTokens() > 0 && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token
                && token.getRawToken() != null && token.getExpirationTime() > 0
                && identity.getCredential(AccessTokenCredential.class) != null) {
            Instant expiresAt = Instant.ofEpochSecond(token.getExpirationTime());
            if (CLOCK.instant().isBefore(expiresAt)) {
                verified.asMap().computeIfAbsent(token.getRawToken(), raw -> new Verified(
                        QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, null)
                                .addAttribute(REQUEST_CONTEXT, null).build(), expiresAt));
            }
        }
    }

    /** Hands each identity OIDC verified to {@link VerifiedTokens}, after the other augmentors: it is complete then. */
    @ApplicationScoped
    static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }
    }

    /** Each token leaves the cache when it expires. */
    private static final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified value, long currentTime) {
            return Math.max(0, Duration.between(CLOCK.instant(), value.expiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Verified value, long currentTime, long currentDuration) {
            return expireAfterCreate(token, value, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
