package io.spinewise.web.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.web.client.model.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Runs a call to a service and turns every way it can fail into a {@link ServiceException}:
 * connection refused and timeouts (bounded by the REST clients' connect and read timeouts) as
 * "unavailable", a 4xx with its problem+json as a readable refusal. Nothing else escapes, so a
 * page never shows a stack trace.
 */
@ApplicationScoped
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    @Inject
    ObjectMapper json;

    public <T> T call(Service service, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            throw fromResponse(service, e.getResponse());
        } catch (ProcessingException e) {
            LOG.warnf("%s unreachable: %s", service.id(), e.getMessage());
            throw new ServiceException(service, 0, null, service.id() + " unreachable");
        } catch (ServiceException e) {
            throw e;
        } catch (RuntimeException e) {
            // an unreadable answer or a client-side failure: the service is as good as down for this page
            LOG.warnf("%s call failed: %s", service.id(), e.toString());
            throw new ServiceException(service, 0, null, service.id() + " call failed");
        }
    }

    public void run(Service service, Runnable request) {
        call(service, () -> {
            request.run();
            return null;
        });
    }

    ServiceException fromResponse(Service service, Response response) {
        int status = response == null ? 0 : response.getStatus();
        Problem problem = null;
        try {
            if (response != null && response.hasEntity()) {
                String body = response.getEntity() instanceof String text ? text : response.readEntity(String.class);
                if (body != null && body.trim().startsWith("{")) {
                    problem = json.readValue(body, Problem.class);
                }
            }
        } catch (Exception unreadable) {
            // a body that is not a problem: the status alone must do
        }
        if (status >= 500 || status == 0) {
            LOG.warnf("%s answered %d", service.id(), status);
        }
        return new ServiceException(service, status, problem, service.id() + " answered " + status);
    }
}
