package io.spinewise.web.client;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.config.WebConfig;
import io.spinewise.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The library's exercises as a clinic's patients see them, kept a short while
 * ({@code spinewise.web.patient-library-kept}, a minute by default), so that Today does not ask
 * catalog-service for the same texts on every view. catalog-service answers every patient of a
 * clinic alike (the shared library and the clinic's published entries, in the asked language), so
 * an entry is kept per clinic, language and slug, and never shared between clinics or with staff,
 * who see archived entries too. An exercise the catalog left out is kept as absent. A change made
 * through this web-ui (an edit, a translation, a picture) forgets its clinic's entries at once; one
 * made through another instance shows within the keeping time.
 */
@ApplicationScoped
public class PatientExerciseCache {

    private static final int MOST = 10_000;

    private record Key(String clinic, String language, String slug) {
    }

    /** @param exercise the library's entry, or null when the catalog left it out */
    private record Kept(Exercise exercise, Instant until) {
    }

    private final Map<Key, Kept> entries = new ConcurrentHashMap<>();

    @Inject
    WebConfig config;

    @Inject
    CurrentUser user;

    Clock clock = Clock.systemUTC();

    /**
     * The exercises of {@code slugs} as the clinic's patients see them in {@code language} (null:
     * English); only those not kept, or kept too long, are fetched, in one call of {@code fetch}.
     */
    public Map<String, Exercise> exercises(String clinic, String language, Collection<String> slugs,
                                           Function<List<String>, Map<String, Exercise>> fetch) {
        Duration kept = config.patientLibraryKept();
        if (clinic == null || kept.isZero() || kept.isNegative()) {
            return fetch.apply(List.copyOf(slugs));
        }
        Instant now = clock.instant();
        Map<String, Exercise> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String slug : slugs.stream().distinct().toList()) {
            Kept entry = entries.get(new Key(clinic, language, slug));
            if (entry == null || !entry.until().isAfter(now)) {
                missing.add(slug);
            } else if (entry.exercise() != null) {
                found.put(slug, entry.exercise());
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Exercise> fetched = fetch.apply(missing);
            if (entries.size() + missing.size() > MOST) {
                // a crowd of clinics and languages at once: start again rather than grow without bound
                entries.clear();
            }
            Instant until = now.plus(kept);
            for (String slug : missing) {
                Exercise exercise = fetched.get(slug);
                entries.put(new Key(clinic, language, slug), new Kept(exercise, until));
                if (exercise != null) {
                    found.put(slug, exercise);
                }
            }
        }
        return found;
    }

    /** The signed-in user changed their clinic's library: its patients see the change on their next page. */
    public void forgetMyClinic() {
        String clinic = user.clinicId();
        if (clinic != null) {
            entries.keySet().removeIf(key -> key.clinic().equals(clinic));
        }
    }
}
