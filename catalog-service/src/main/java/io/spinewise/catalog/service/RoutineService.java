package io.spinewise.catalog.service;

import io.spinewise.catalog.api.RoutineRequest;
import io.spinewise.catalog.domain.Dosage;
import io.spinewise.catalog.domain.Exercise;
import io.spinewise.catalog.domain.Routine;
import io.spinewise.catalog.domain.RoutineItem;
import io.spinewise.catalog.domain.Status;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.common.query.LikePattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes routine templates; items must name exercises the clinic can use. */
@ApplicationScoped
public class RoutineService {

    private static final LibraryWrites WRITES = new LibraryWrites("routine", "A routine");

    @Inject
    ChangeLog changes;

    @Inject
    ExerciseService exercises;

    @Transactional
    public Page<Routine> search(Viewer viewer, LibraryFilter filter, PageRequest paging) {
        LibraryQueries.Condition condition = LibraryQueries.visibleTo(viewer, filter.status());
        if (filter.text() != null && !filter.text().isBlank()) {
            condition.and("(lower(e.name) like :text escape '\\' or lower(e.description) like :text escape '\\'"
                    + " or e.slug like :text escape '\\')", "text", LikePattern.contains(filter.text()));
        }
        Page<Routine> page = LibraryQueries.page(Routine.find("from Routine e where " + condition.where
                + " order by e.name, e.id", condition.params), paging);
        loadItems(page.items());
        return page;
    }

    @Transactional
    public Optional<Routine> find(Viewer viewer, String slug) {
        LibraryQueries.Condition condition = LibraryQueries.fetchableBy(viewer).and("e.slug = :slug", "slug", slug);
        Optional<Routine> routine = Routine.<Routine>find("from Routine e where " + condition.where
                + " order by " + LibraryQueries.OWN_FIRST, condition.params).firstResultOptional();
        routine.ifPresent(r -> loadItems(List.of(r)));
        return routine;
    }

    @Transactional
    public Routine create(String clinicId, RoutineRequest request) {
        String slug = LibraryWrites.slugOf(request.slug(), request.name());
        WRITES.requireFreeSlug(slug, Routine.count(LibraryWrites.SLUG_TAKEN, slug, clinicId));
        Routine routine = LibraryWrites.newEntry(new Routine(), clinicId, slug);
        apply(clinicId, request, routine);
        routine.persistAndFlush();
        changes.record(clinicId, "routine.create", "routine " + slug);
        return routine;
    }

    @Transactional
    public Routine update(String clinicId, String slug, int expectedVersion, RoutineRequest request) {
        Routine routine = ownedForWrite(clinicId, slug);
        EntityVersions.require(expectedVersion, routine.version);
        WRITES.requireSameSlug(request.slug(), slug);
        routine.items.clear();
        // the old items must be gone before new ones take their positions (unique per routine)
        routine.persistAndFlush();
        apply(clinicId, request, routine);
        // a change to the items alone must still move the routine's version (its ETag)
        routine.updatedAt = Instant.now();
        Routine.getEntityManager().lock(routine, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        routine.persistAndFlush();
        changes.record(clinicId, "routine.update", "routine " + slug);
        return routine;
    }

    @Transactional
    public Routine archive(String clinicId, String slug, Integer expectedVersion) {
        Routine routine = ownedForWrite(clinicId, slug);
        LibraryWrites.archive(routine, expectedVersion);
        changes.record(clinicId, "routine.archive", "routine " + slug);
        return routine;
    }

    private Routine ownedForWrite(String clinicId, String slug) {
        return WRITES.ownedForWrite(find(new Viewer(clinicId, true), slug), slug);
    }

    private void apply(String clinicId, RoutineRequest request, Routine routine) {
        routine.name = request.name().strip();
        routine.description = request.description().strip();
        routine.daysOfWeek = EnumSet.copyOf(request.schedule().daysOfWeek()).stream().map(DayOfWeek::name).toList();
        routine.sessionsPerDay = request.schedule().sessionsPerDay();
        routine.status = request.status() == null ? Status.DRAFT : request.status();
        routine.updatedAt = Instant.now();
        for (int i = 0; i < request.items().size(); i++) {
            RoutineRequest.Item requested = request.items().get(i);
            Exercise exercise = exercises.usableIn(clinicId, requested.exercise(), "items[" + i + "].exercise");
            RoutineItem item = new RoutineItem();
            item.id = UUID.randomUUID();
            item.routine = routine;
            item.position = i;
            item.exercise = exercise;
            item.dosage = requested.dosage() != null ? Dosages.toEntity(requested.dosage()) : copy(exercise);
            item.note = requested.note() == null ? null : requested.note().strip();
            routine.items.add(item);
        }
    }

    private static Dosage copy(Exercise exercise) {
        return Dosages.toEntity(Dosages.toDto(exercise.dosage));
    }

    /** Loads the items and their exercises of a page of routines in one query, not one per routine. */
    private static void loadItems(List<Routine> routines) {
        if (routines.isEmpty()) {
            return;
        }
        Routine.getEntityManager()
                .createQuery("select distinct r from Routine r left join fetch r.items i left join fetch i.exercise"
                        + " where r in :routines", Routine.class)
                .setParameter("routines", routines)
                .getResultList();
    }
}
