package io.spinewise.web.client;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Optional;

/** catalog-service as the pages see it: every failure is a {@link ServiceException}. */
@ApplicationScoped
public class CatalogClient {

    /** The catalog's own hard maximum page size. */
    public static final int MAX_PAGE = 100;

    @Inject
    @RestClient
    CatalogApi api;

    @Inject
    ServiceCalls calls;

    public ListPage<Exercise> exercises(String q, String category, String equipment, int page, int size) {
        return calls.call(Service.CATALOG, () -> api.exercises(blankToNull(q), blankToNull(category),
                blankToNull(equipment), page, Math.min(size, MAX_PAGE)));
    }

    /** An exercise and its ETag, or empty when the caller may not see it. */
    public Optional<Versioned<Exercise>> exercise(String slug) {
        try {
            RestResponse<Exercise> answer = calls.call(Service.CATALOG, () -> api.exercise(slug));
            return Optional.of(new Versioned<>(answer.getEntity(), answer.getHeaderString("ETag")));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Exercise create(ExerciseRequest request) {
        return calls.call(Service.CATALOG, () -> api.createExercise(request)).getEntity();
    }

    public Exercise replace(String slug, String etag, ExerciseRequest request) {
        return calls.call(Service.CATALOG, () -> api.replaceExercise(slug, etag, request)).getEntity();
    }

    public void archive(String slug, String etag) {
        calls.call(Service.CATALOG, () -> api.archiveExercise(slug, etag));
    }

    public ListPage<Routine> routines() {
        return calls.call(Service.CATALOG, () -> api.routines(0, MAX_PAGE));
    }

    public Optional<Routine> routine(String slug) {
        try {
            return Optional.of(calls.call(Service.CATALOG, () -> api.routine(slug)));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** A routine template and its ETag, or empty when the caller may not see it. */
    public Optional<Versioned<Routine>> routineWithTag(String slug) {
        try {
            RestResponse<Routine> answer = calls.call(Service.CATALOG, () -> api.routineWithTag(slug));
            return Optional.of(new Versioned<>(answer.getEntity(), answer.getHeaderString("ETag")));
        } catch (ServiceException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Routine createRoutine(RoutineRequest request) {
        return calls.call(Service.CATALOG, () -> api.createRoutine(request)).getEntity();
    }

    public Routine replaceRoutine(String slug, String etag, RoutineRequest request) {
        return calls.call(Service.CATALOG, () -> api.replaceRoutine(slug, etag, request)).getEntity();
    }

    public void archiveRoutine(String slug, String etag) {
        calls.call(Service.CATALOG, () -> api.archiveRoutine(slug, etag));
    }

    /** An entity with the ETag it was read with (the If-Match of a later write). */
    public record Versioned<T>(T value, String etag) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
