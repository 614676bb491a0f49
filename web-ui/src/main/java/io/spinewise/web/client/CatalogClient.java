package io.spinewise.web.client;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.client.model.ExerciseRequest;
import io.spinewise.web.client.model.ExerciseTranslation;
import io.spinewise.web.client.model.ListPage;
import io.spinewise.web.client.model.Routine;
import io.spinewise.web.client.model.RoutineRequest;
import io.spinewise.web.client.model.TranslationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** catalog-service as the pages see it: every failure is a {@link ServiceException}. */
@ApplicationScoped
public class CatalogClient {

    /** The catalog's own hard maximum page size, and of slugs per fetch. */
    public static final int MAX_PAGE = 100;

    @Inject
    @RestClient
    CatalogApi api;

    @Inject
    ServiceCalls calls;

    @Inject
    PatientExerciseCache patientLibrary;

    public ListPage<Exercise> exercises(String q, String category, String equipment, int page, int size) {
        return calls.call(Service.CATALOG, () -> api.exercises(blankToNull(q), blankToNull(category),
                blankToNull(equipment), page, Math.min(size, MAX_PAGE)));
    }

    /**
     * The exercises with these slugs that the caller may see, by slug: one request for up to
     * {@link #MAX_PAGE} slugs (the catalog's maximum per fetch), so a page of exercise cards
     * costs one round trip instead of one per card. Slugs the caller may not see are absent.
     * Their texts in {@code language} (a BCP 47 primary tag) where the catalog has it, else
     * English, each exercise saying which; null asks for English.
     */
    public Map<String, Exercise> exercisesBySlug(Collection<String> slugs, String language) {
        List<String> distinct = slugs.stream().distinct().toList();
        Map<String, Exercise> found = new HashMap<>();
        // no request at all for no slugs: without a slug the same URL is a library search
        for (int from = 0; from < distinct.size(); from += MAX_PAGE) {
            List<String> batch = distinct.subList(from, Math.min(from + MAX_PAGE, distinct.size()));
            calls.call(Service.CATALOG, () -> api.exercisesBySlug(batch, language)).itemsOrEmpty()
                    .forEach(e -> found.put(e.slug(), e));
        }
        return found;
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

    // each change to the library below forgets the clinic's kept exercises, so its patients see it on their next page

    public Exercise create(ExerciseRequest request) {
        Exercise created = calls.call(Service.CATALOG, () -> api.createExercise(request)).getEntity();
        patientLibrary.forgetMyClinic();
        return created;
    }

    public Exercise replace(String slug, String etag, ExerciseRequest request) {
        Exercise replaced = calls.call(Service.CATALOG, () -> api.replaceExercise(slug, etag, request)).getEntity();
        patientLibrary.forgetMyClinic();
        return replaced;
    }

    public void archive(String slug, String etag) {
        calls.call(Service.CATALOG, () -> api.archiveExercise(slug, etag));
        patientLibrary.forgetMyClinic();
    }

    /** The stored translations of an exercise the clinic sees, in the order de, fr, es. */
    public List<ExerciseTranslation> translations(String slug) {
        return calls.call(Service.CATALOG, () -> api.translations(slug));
    }

    /** Adds or replaces the translation of one of the clinic's exercises into {@code language} (de, fr or es). */
    public ExerciseTranslation putTranslation(String slug, String language, TranslationRequest request) {
        ExerciseTranslation saved = calls.call(Service.CATALOG, () -> api.putTranslation(slug, language, request))
                .getEntity();
        patientLibrary.forgetMyClinic();
        return saved;
    }

    public void deleteTranslation(String slug, String language) {
        calls.call(Service.CATALOG, () -> api.deleteTranslation(slug, language));
        patientLibrary.forgetMyClinic();
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
