package io.spinewise.plan.client;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * catalog-service as plan-service sees it. Owns the "catalog is down" answer: a connection
 * failure, a timeout (connect and read timeouts are bounded in configuration) or a 5xx
 * becomes a 503 problem, never a hang or a 500. An entry the caller may not see is empty or absent.
 */
@ApplicationScoped
public class CatalogClient {

    private static final Logger LOG = Logger.getLogger(CatalogClient.class);

    @Inject
    @RestClient
    CatalogApi api;

    /**
     * The exercises with these slugs that the caller may see, by slug, in one request: a plan's
     * items are checked with one round trip, not one per item. A plan has at most 20 items, well
     * under catalog-service's maximum of 100 slugs per fetch.
     */
    public Map<String, CatalogExercise> exercises(Collection<String> slugs) {
        List<String> distinct = slugs.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of(); // without a slug the same URL is a library search
        }
        // a 404 for the collection itself means no catalog we can use, not "no such exercise"
        CatalogExercises found = call(() -> api.exercises(distinct), distinct.size() + " exercises")
                .orElseThrow(CatalogClient::unavailable);
        Map<String, CatalogExercise> bySlug = new HashMap<>();
        found.itemsOrEmpty().forEach(e -> bySlug.put(e.slug(), e));
        return bySlug;
    }

    public Optional<CatalogRoutine> routine(String slug) {
        return call(() -> api.routine(slug), "routine " + slug);
    }

    private <T> Optional<T> call(Supplier<T> request, String what) {
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
