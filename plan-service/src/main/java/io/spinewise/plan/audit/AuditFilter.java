package io.spinewise.plan.audit;

import io.spinewise.common.input.PlausibleValues;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemMappers;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.UUID;

/**
 * Writes one audit record per call of an {@link Audited} endpoint once its outcome is known (see
 * {@link AuditRecorder}), unless the resource has it written otherwise (a check-off in its own
 * statement, a change in its own transaction, a streamed download when it ends). A read whose
 * record cannot be written is answered with a 503 problem instead of its data (fail closed). Calls
 * refused before the resource ran (wrong role) end on the I/O thread; their record is written on a
 * worker.
 */
@Provider
@Audited
public class AuditFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    AuditRecorder recorder;

    @Inject
    AuditContext context;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Instance<Vertx> vertx;

    @Context
    ResourceInfo resource;

    /** Before the resource runs: what a change recorded in its own transaction needs to know. */
    @Override
    public void filter(ContainerRequestContext request) {
        context.call(action(), request.getMethod() + " " + request.getUriInfo().getPath(), patientId(request));
    }

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
            try {
                recorder.write(identities.getIdentity(), patientId, action, status, target);
            } catch (AuditRecorder.AuditUnavailable e) {
                LOG.errorf(e.getCause(), "Audit record not written: %s", e.getMessage());
                if (status < 400 && HttpMethod.GET.equals(request.getMethod())) {
                    withhold(response);
                }
            }
        } else {
            identities.getDeferredIdentity().subscribe().with(
                    identity -> vertx.get().executeBlocking(() -> {
                        recorder.record(identity, patientId, action, status, target);
                        return null;
                    }, false),
                    failure -> LOG.debugf("no identity to audit: %s", failure.getMessage()));
        }
    }

    /**
     * Replaces a read's answer, not yet sent, with a 503 problem: data whose reading is not on record
     * is not served. (A change is recorded in its own transaction, {@link AuditRecorder#change}; a
     * refused call served no data.)
     */
    private static void withhold(ContainerResponseContext response) {
        Problem problem = AuditRecorder.AuditUnavailable.problem().problem();
        response.getHeaders().remove(HttpHeaders.CONTENT_DISPOSITION);
        response.getHeaders().remove(HttpHeaders.ETAG);
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, ProblemMappers.RETRY_AFTER_SECONDS);
        response.setStatus(problem.status());
        response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private UUID patientId(ContainerRequestContext request) {
        if (context.patientId() != null) {
            return context.patientId();
        }
        String path = request.getUriInfo().getPath();
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        if (id != null && path.startsWith("/api/patients/")) {
            return PlausibleValues.uuid(id).orElse(null);
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
}
