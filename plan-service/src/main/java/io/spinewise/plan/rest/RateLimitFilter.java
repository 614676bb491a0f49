package io.spinewise.plan.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.spinewise.common.security.Caller;
import io.spinewise.plan.service.RateLimiter;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Holds each signed-in user's writes, enrolments and exports to their allowances before the resource
 * runs (a refusal is a 429 problem with {@code Retry-After}). Anonymous calls pass on to be refused
 * with 401 by the endpoint's own rules; reads other than exports are not limited.
 */
public class RateLimitFilter {

    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource) {
        List<RateLimiter.Limit> limits = limits(request.getMethod(), resource.getResourceMethod());
        if (limits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
                Object clinic = token.getClaim(Caller.CLINIC_CLAIM);
                for (RateLimiter.Limit limit : limits) {
                    limiter.acquire(limit, String.valueOf(clinic), token.getSubject());
                }
            }
        }).replaceWithVoid();
    }

    private static List<RateLimiter.Limit> limits(String httpMethod, Method method) {
        List<RateLimiter.Limit> limits = new ArrayList<>(2);
        if (WRITES.contains(httpMethod)) {
            limits.add(RateLimiter.Limit.WRITES);
        }
        Limited limited = method == null ? null : method.getAnnotation(Limited.class);
        if (limited != null) {
            limits.add(limited.value());
        }
        return limits;
    }
}
