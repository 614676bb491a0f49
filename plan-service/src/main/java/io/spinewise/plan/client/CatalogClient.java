package io.spinewise.plan.client;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * catalog-service as plan-service sees it. Owns the "catalog is down" answer: a connection
 * failure, a timeout (connect and read timeouts are bounded in configuration) or a 5xx
 * becomes a 503 problem, never a hang or a 500. An entry the caller may not see is empty.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);

    @Inject
    @RestClient
    CatalogApi api;

    public Optional<CatalogExercise> exercise(String slug) {
        return call(() -> api.exercise(slug), "exercise " + slug);
    }

    public Optional<CatalogRoutine> routine(String slug) {
        return call(() -> api.routine(slug), "routine " + slug);
    }

    private <T> Optional<T> call(java.util.function.Supplier<T> request, String what) {
        try {
            return Optional.of(request.get());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            LOG.warnf("catalog-service answered %d for %s", status, what);
            throw unavailable();
        } catch (ProcessingException | IllegalStateException e) {
            // connection refused, timeouts, unreadable answers
            LOG.warnf("catalog-service unreachable for %s: %s", what, e.getMessage());
            throw unavailable();
        } catch (RuntimeException e) {
            if (e instanceof ProblemException) {
                throw e;
            }
            LOG.warnf("catalog-service call failed for %s: %s", what, e.toString());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                "The exercise catalog is not reachable right now, so the prescription could not be checked;"
                        + " nothing was saved. Try again in a minute.");
    }
}
