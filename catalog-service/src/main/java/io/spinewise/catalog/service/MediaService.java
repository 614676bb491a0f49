package io.spinewise.catalog.service;

import io.spinewise.catalog.config.MediaConfig;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.ExerciseMedia;
import io.spinewise.catalog.media.MediaIntake;
import io.spinewise.catalog.media.MediaStorage;
import io.spinewise.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A clinic's photos and videos of its own exercises: the file goes to the bucket first, then its row
 * and change-log record in one transaction; a row that cannot be written takes its object with it.
 * The shared library's exercises take none (they are every clinic's).
 */
@ApplicationScoped
public class MediaService {

    @Inject
    ExerciseService exercises;

    @Inject
    MediaStorage storage;

    @Inject
    MediaConfig config;

    @Inject
    ChangeLog changes;

    @Inject
    EntityManager entityManager;

    /** What a clinic says about a file: {@code alt} is required for pictures. */
    public record Description(String alt, String caption) {
    }

    /** Refuses early, before a file is read, when the exercise is not the clinic's or is full. */
    @Transactional
    public void requireRoomFor(String clinicId, String slug) {
        requireRoom(exercises.ownedForWrite(clinicId, slug));
    }

    public ExerciseMedia add(String clinicId, String slug, MediaIntake.Prepared file, Description description) {
        UUID id = UUID.randomUUID();
        String key = "media/" + id;
        storage.put(key, file.body(), file.format().contentType());
        try {
            return record(clinicId, slug, id, key, file, description);
        } catch (RuntimeException e) {
            storage.deleteQuietly(key);
            throw e;
        }
    }

    @Transactional
    ExerciseMedia record(String clinicId, String slug, UUID id, String key, MediaIntake.Prepared file, Description description) {
        Exercise exercise = exercises.ownedForWrite(clinicId, slug);
        // the exercise row locked, so two uploads at once cannot both take the last free place
        entityManager.lock(exercise, LockModeType.PESSIMISTIC_WRITE);
        requireRoom(exercise);
        ExerciseMedia media = new ExerciseMedia();
        media.id = id;
        media.exerciseId = exercise.id;
        media.clinicId = clinicId;
        media.kind = file.format().kind();
        media.contentType = file.format().contentType();
        media.size = file.size();
        media.sha256 = file.sha256();
        media.objectKey = key;
        media.alt = description.alt();
        media.caption = description.caption();
        media.width = file.width();
        media.height = file.height();
        media.createdAt = Instant.now();
        media.persistAndFlush();
        changes.record(clinicId, "exercise.media.add", "exercise " + slug + " media " + id);
        return media;
    }

    /** The file of an exercise the viewer may see (its clinic's staff and patients), or empty: another clinic's is not there. */
    @Transactional
    public Optional<ExerciseMedia> find(Viewer viewer, String slug, UUID id) {
        return exercises.find(viewer, slug).flatMap(e -> e.media.stream().filter(m -> m.id.equals(id)).findFirst());
    }

    /** Removes the row (with its record), then the object; an object that cannot be removed stays as an orphan. */
    public void remove(String clinicId, String slug, UUID id) {
        String key = removeRow(clinicId, slug, id);
        storage.deleteQuietly(key);
    }

    @Transactional
    String removeRow(String clinicId, String slug, UUID id) {
        Exercise exercise = exercises.ownedForWrite(clinicId, slug);
        ExerciseMedia media = exercise.media.stream().filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No media " + id + " on exercise '" + slug + "'."));
        exercise.media.remove(media);
        media.delete();
        changes.record(clinicId, "exercise.media.remove", "exercise " + slug + " media " + id);
        return media.objectKey;
    }

    private void requireRoom(Exercise exercise) {
        long count = ExerciseMedia.count("exerciseId", exercise.id);
        if (count >= config.maxPerExercise()) {
            throw ProblemException.conflict("Exercise '" + exercise.slug + "' already has " + count
                    + " photos and videos, the most it may have; remove one first.");
        }
    }
}
