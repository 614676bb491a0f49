package io.spinewise.plan.rest;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.spinewise.common.security.Caller;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.service.AuditLog;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Writes one audit record per call of an {@link Audited} endpoint once its outcome is known:
 * SUCCESS (2xx/3xx), DENIED (401/403), NOT_FOUND (404), REJECTED (other 4xx) or FAILED (5xx).
 * Anonymous calls reach no data and are not recorded. Calls refused before the resource ran
 * (wrong role) end on the I/O thread; their record is written on a worker.
 */
@Provider
@Audited
public class AuditFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    AuditLog log;

    @Inject
    AuditContext context;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Instance<Vertx> vertx;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (context.isRecorded()) {
            return;
        }
        int status = response.getStatus();
        String target = context.target() != null ? context.target()
                : request.getMethod() + " " + request.getUriInfo().getPath();
        UUID patientId = patientId(request);
        String action = action();
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(identities.getIdentity(), patientId, action, status, target);
        } else {
            identities.getDeferredIdentity().subscribe().with(
                    identity -> vertx.get().executeBlocking(() -> {
                        write(identity, patientId, action, status, target);
                        return null;
                    }, false),
                    failure -> LOG.debugf("no identity to audit: %s", failure.getMessage()));
        }
    }

    private void write(SecurityIdentity identity, UUID patientId, String action, int status, String target) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        String clinic = null;
        String subject = identity.getPrincipal().getName();
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Caller.CLINIC_CLAIM);
            clinic = claim == null ? null : claim.toString().replace("\"", "");
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            name = Caller.displayName(jwt);
        }
        AuditLog.Entry entry = new AuditLog.Entry(clinic, subject == null ? "unknown" : subject, name,
                role(identity), patientId, action, outcome(status), status, target);
        try {
            log.record(entry);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record lost: %s", entry);
        }
    }

    private UUID patientId(ContainerRequestContext request) {
        if (context.patientId() != null) {
            return context.patientId();
        }
        String path = request.getUriInfo().getPath();
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id != null && path.startsWith("/api/patients/")) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private String action() {
        Method method = resource.getResourceMethod();
        if (method != null) {
            Audited audited = method.getAnnotation(Audited.class);
            if (audited != null && !audited.value().isEmpty()) {
                return audited.value();
            }
        }
        return "unknown";
    }

    private static String role(SecurityIdentity identity) {
        for (String role : new String[] {Roles.CLINIC_ADMIN, Roles.CHIROPRACTOR, Roles.PATIENT}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return null;
    }

    private static String outcome(int status) {
        if (status < 400) {
            return "SUCCESS";
        }
        if (status == 401 || status == 403) {
            return "DENIED";
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status >= 500 ? "FAILED" : "REJECTED";
    }
}
