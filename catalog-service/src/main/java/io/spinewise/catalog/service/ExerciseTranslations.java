package io.spinewise.catalog.service;

import io.spinewise.catalog.api.Languages;
import io.spinewise.catalog.api.TranslationRequest;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseTranslation;
import io.spinewise.catalog.domain.TranslationId;
import io.spinewise.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Exercise texts in other languages: which translation a reader gets (the first of their languages
 * the exercise has, else none and the English texts), and a clinic's writes of translations of its
 * own exercises (the shared library's are read-only, like the exercises themselves).
 */
@ApplicationScoped
public class ExerciseTranslations {

    @Inject
    ExerciseService exercises;

    @Inject
    ChangeLog changes;

    /**
     * For each exercise that has one, its translation into the first of {@code preferred} (in
     * order, English excluded) that it has; read in one query. Exercises absent from the answer
     * are shown in English.
     */
    @Transactional
    public Map<UUID, ExerciseTranslation> chosenFor(Collection<Exercise> shown, List<String> preferred) {
        if (shown.isEmpty() || preferred.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = shown.stream().map(e -> e.id).distinct().toList();
        List<ExerciseTranslation> found = ExerciseTranslation.list("id.exerciseId in ?1 and id.language in ?2", ids, preferred);
        Map<UUID, ExerciseTranslation> chosen = new HashMap<>();
        for (ExerciseTranslation translation : found) {
            chosen.merge(translation.id.exerciseId, translation, (a, b) ->
                    preferred.indexOf(a.language()) <= preferred.indexOf(b.language()) ? a : b);
        }
        return chosen;
    }

    /** Every translation of an exercise the staff member's clinic can see, in the order of {@link Languages#TRANSLATED}. */
    @Transactional
    public Optional<List<ExerciseTranslation>> all(String clinicId, String slug) {
        return exercises.find(new Viewer(clinicId, true), slug).map(exercise -> {
            List<ExerciseTranslation> found = ExerciseTranslation.list("id.exerciseId", exercise.id);
            return found.stream()
                    .sorted((a, b) -> Languages.TRANSLATED.indexOf(a.language()) - Languages.TRANSLATED.indexOf(b.language()))
                    .toList();
        });
    }

    /** What a put did: the stored translation and whether it is new. */
    public record Written(ExerciseTranslation translation, boolean created) {
    }

    /** Adds or replaces the translation of one of the clinic's own exercises into {@code language}. */
    @Transactional
    public Written put(String clinicId, String slug, String language, TranslationRequest request) {
        String lang = translatable(language);
        Exercise exercise = lockedForWrite(clinicId, slug);
        ExerciseTranslation translation = ExerciseTranslation.findById(new TranslationId(exercise.id, lang));
        boolean created = translation == null;
        if (created) {
            translation = new ExerciseTranslation();
            translation.id = new TranslationId(exercise.id, lang);
        }
        translation.name = request.name().strip();
        translation.summary = request.summary().strip();
        translation.steps = request.steps().stream().map(String::strip).toList();
        translation.cautions = request.cautions() == null ? List.of() : request.cautions().stream().map(String::strip).toList();
        translation.updatedAt = Instant.now();
        translation.persistAndFlush();
        changes.record(clinicId, created ? "exercise.translation.create" : "exercise.translation.update",
                "exercise " + slug + " " + lang);
        return new Written(translation, created);
    }

    /** Deletes the translation of one of the clinic's own exercises; its readers get English (or another of theirs) again. */
    @Transactional
    public void delete(String clinicId, String slug, String language) {
        String lang = translatable(language);
        Exercise exercise = lockedForWrite(clinicId, slug);
        ExerciseTranslation translation = ExerciseTranslation.findById(new TranslationId(exercise.id, lang));
        if (translation == null) {
            throw ProblemException.notFound("Exercise '" + slug + "' has no translation into '" + lang + "'.");
        }
        translation.delete();
        changes.record(clinicId, "exercise.translation.delete", "exercise " + slug + " " + lang);
    }

    /**
     * The clinic's own exercise, locked until the transaction ends: two requests translating it at
     * once then run one after the other, so the second replaces what the first added (200) instead
     * of both inserting the same language.
     */
    private Exercise lockedForWrite(String clinicId, String slug) {
        Exercise exercise = exercises.ownedForWrite(clinicId, slug);
        Exercise.getEntityManager().lock(exercise, LockModeType.PESSIMISTIC_WRITE);
        return exercise;
    }

    /** The language of a translation as asked for in a path: one of {@link Languages#TRANSLATED}; English is a 400, others 404. */
    private static String translatable(String language) {
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (Languages.ENGLISH.equals(lang)) {
            throw ProblemException.invalid("lang", "English is the exercise's own text: change the exercise instead");
        }
        if (!Languages.TRANSLATED.contains(lang)) {
            // a path that names no resource: 404, as for an unknown slug (the value is not echoed back)
            throw ProblemException.notFound("No such translation: exercises are translated into "
                    + String.join(", ", Languages.TRANSLATED) + ".");
        }
        return lang;
    }
}
