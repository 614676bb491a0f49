package io.spinewise.catalog.service;

import io.spinewise.catalog.api.EquipmentDto;
import io.spinewise.catalog.api.ExerciseRequest;
import io.spinewise.catalog.domain.Equipment;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.Status;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.query.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads and writes the exercise library under the ownership rules of docs/architecture.md (shipped library read-only, clinic entries private). */
@ApplicationScoped
public class ExerciseService {

    private static final LibraryWrites WRITES = new LibraryWrites("exercise", "An exercise");

    @Inject
    ChangeLog changes;

    @Transactional
    public Page<Exercise> search(Viewer viewer, LibraryFilter filter, PageRequest paging) {
        LibraryQueries.Condition condition = LibraryQueries.visibleTo(viewer, filter.status());
        if (filter.text() != null && !filter.text().isBlank()) {
            condition.and("(lower(e.name) like :text escape '\\' or lower(e.summary) like :text escape '\\'"
                    + " or e.slug like :text escape '\\')", "text", LikePattern.contains(filter.text()));
        }
        if (filter.category() != null) {
            condition.and("e.category = :category", "category", filter.category());
        }
        if (filter.equipment() != null && !filter.equipment().isBlank()) {
            condition.and("array_contains(e.equipmentTags, :tag)", "tag", filter.equipment().strip().toLowerCase(Locale.ROOT));
        }
        return LibraryQueries.page(Exercise.find("from Exercise e where " + condition.where + " order by e.name, e.id",
                condition.params), paging);
    }

    /** The exercise with this slug that the viewer may see; the clinic's own wins over the library's. */
    @Transactional
    public Optional<Exercise> find(Viewer viewer, String slug) {
        return findAll(viewer, List.of(slug)).stream().findFirst();
    }

    /**
     * The exercises with these slugs that the viewer may see, under the rule of {@link #find}, read
     * in one query (a page of exercise cards costs one round trip, not one per card). Each slug
     * at most once, in the order asked; a slug the viewer may not see, or that does not exist,
     * is simply absent.
     */
    @Transactional
    public List<Exercise> findAll(Viewer viewer, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        LibraryQueries.Condition condition = LibraryQueries.fetchableBy(viewer)
                .and("e.slug in :slugs", "slugs", List.copyOf(slugs));
        // pictures and media joined in, so a page of cards is still one query (a search page batches them instead)
        List<Exercise> rows = Exercise.list("from Exercise e left join fetch e.illustrations left join fetch e.media where " + condition.where
                + " order by " + LibraryQueries.OWN_FIRST, condition.params);
        Map<String, Exercise> bySlug = new HashMap<>();
        rows.forEach(e -> bySlug.putIfAbsent(e.slug, e)); // the first row of a slug is the clinic's own
        return slugs.stream().distinct().map(bySlug::get).filter(Objects::nonNull).toList();
    }

    @Transactional
    public Exercise create(String clinicId, ExerciseRequest request) {
        String slug = LibraryWrites.slugOf(request.slug(), request.name());
        WRITES.requireFreeSlug(slug, Exercise.count(LibraryWrites.SLUG_TAKEN, slug, clinicId));
        Exercise exercise = LibraryWrites.newEntry(new Exercise(), clinicId, slug);
        apply(request, exercise);
        exercise.persistAndFlush();
        changes.record(clinicId, "exercise.create", "exercise " + slug);
        return exercise;
    }

    @Transactional
    public Exercise update(String clinicId, String slug, int expectedVersion, ExerciseRequest request) {
        Exercise exercise = ownedForWrite(clinicId, slug);
        EntityVersions.require(expectedVersion, exercise.version);
        WRITES.requireSameSlug(request.slug(), slug);
        apply(request, exercise);
        exercise.persistAndFlush();
        changes.record(clinicId, "exercise.update", "exercise " + slug);
        return exercise;
    }

    @Transactional
    public Exercise archive(String clinicId, String slug, Integer expectedVersion) {
        Exercise exercise = ownedForWrite(clinicId, slug);
        LibraryWrites.archive(exercise, expectedVersion);
        changes.record(clinicId, "exercise.archive", "exercise " + slug);
        return exercise;
    }

    /** The clinic's own exercise with this slug (archived too); 404 when there is none, 403 for the shared library's. */
    Exercise ownedForWrite(String clinicId, String slug) {
        return WRITES.ownedForWrite(find(new Viewer(clinicId, true), slug), slug);
    }

    private static void apply(ExerciseRequest request, Exercise exercise) {
        exercise.name = request.name().strip();
        exercise.bodyRegion = request.bodyRegion();
        exercise.category = request.category();
        exercise.summary = request.summary().strip();
        exercise.steps = request.steps().stream().map(String::strip).toList();
        exercise.position = request.position();
        List<EquipmentDto> equipment = request.equipment() == null ? List.of() : request.equipment();
        exercise.setEquipment(equipment.stream()
                .map(e -> new Equipment(e.name().strip(), e.substitutesOrEmpty().stream().map(String::strip).toList()))
                .toList());
        exercise.cautions = request.cautions() == null ? List.of() : request.cautions().stream().map(String::strip).toList();
        exercise.mediaRef = request.mediaRef();
        exercise.dosage = Dosages.toEntity(request.dosage());
        exercise.status = request.status() == null ? Status.DRAFT : request.status();
        exercise.updatedAt = Instant.now();
    }

    /** Used by routines: an exercise a clinic may put in a template. */
    Exercise usableIn(String clinicId, String slug, String field) {
        return find(new Viewer(clinicId, true), slug)
                .filter(e -> e.status != Status.ARCHIVED)
                .orElseThrow(() -> ProblemException.invalid(field, "no exercise '" + slug + "' in the library"));
    }

}
