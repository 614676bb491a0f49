package io.spinewise.catalog.service;

import io.spinewise.catalog.api.Slugs;
import io.spinewise.catalog.domain.LibraryEntry;
import io.spinewise.catalog.domain.Status;
import io.spinewise.common.problem.ProblemException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The ownership rules of docs/architecture.md that a write of an exercise and of a routine
 * template share, each refusal worded for the kind of entry: a slug is unique across the clinic's
 * library and the shared one and never changes, the shared library is read-only to clinics, and
 * an archived entry is kept for history.
 */
final class LibraryWrites {

    /** Panache condition ({@code ?1} the slug, {@code ?2} the clinic): the slug is taken in the clinic or the shared library. */
    static final String SLUG_TAKEN = "slug = ?1 and (clinicId is null or clinicId = ?2)";

    private final String noun;
    private final String withArticle;

    /** {@code noun}: e.g. {@code exercise}; {@code withArticle}: the same with its article, e.g. {@code An exercise}. */
    LibraryWrites(String noun, String withArticle) {
        this.noun = noun;
        this.withArticle = withArticle;
    }

    /** The slug a new entry asks for, else one made from its name. */
    static String slugOf(String requested, String name) {
        return requested != null ? requested : Slugs.fromName(name);
    }

    /** {@code taken}: how many entries {@link #SLUG_TAKEN} finds for it. */
    void requireFreeSlug(String slug, long taken) {
        if (taken > 0) {
            throw ProblemException.conflict(withArticle + " with slug '" + slug
                    + "' already exists in your clinic's library or the shared library; choose another slug.");
        }
    }

    /** A new entry of the clinic with its id and creation time; the caller fills in the rest. */
    static <T extends LibraryEntry> T newEntry(T entry, String clinicId, String slug) {
        entry.id = UUID.randomUUID();
        entry.clinicId = clinicId;
        entry.slug = slug;
        entry.createdAt = Instant.now();
        return entry;
    }

    /** The clinic's own entry that {@code found} holds; the shared library is read-only to clinics. */
    <T extends LibraryEntry> T ownedForWrite(Optional<T> found, String slug) {
        T entry = found.orElseThrow(() -> ProblemException.notFound("No " + noun + " '" + slug + "' in your clinic's library."));
        if (entry.isGlobal()) {
            throw ProblemException.forbidden("'" + slug + "' belongs to the shared library, which clinics cannot change;"
                    + " create your own " + noun + " instead.");
        }
        return entry;
    }

    /** A replacement may repeat the slug but not change it: plans and templates refer to entries by slug. */
    void requireSameSlug(String requested, String slug) {
        if (requested != null && !requested.equals(slug)) {
            throw ProblemException.invalid("slug", "cannot be changed; create a new " + noun + " instead");
        }
    }

    /** Archives the entry unless it already is; {@code expectedVersion} (an optional If-Match) must be current. */
    static void archive(LibraryEntry entry, Integer expectedVersion) {
        if (expectedVersion != null) {
            EntityVersions.require(expectedVersion, entry.version);
        }
        if (entry.status != Status.ARCHIVED) {
            entry.status = Status.ARCHIVED;
            entry.updatedAt = Instant.now();
            entry.persistAndFlush();
        }
    }
}
