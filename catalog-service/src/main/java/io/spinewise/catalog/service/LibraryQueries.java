package io.spinewise.catalog.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.spinewise.catalog.domain.Status;
import io.spinewise.common.paging.Page;
import io.spinewise.common.paging.PageRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The visibility rule shared by exercises and routines, as an HQL condition on alias {@code e}:
 * the global library plus the caller's own clinic; patients see published entries only,
 * staff everything but archived entries unless they filter by status.
 */
final class LibraryQueries {

    private LibraryQueries() {
    }

    static Condition visibleTo(Viewer viewer, Status status) {
        Condition condition = new Condition("(e.clinicId is null or e.clinicId = :clinic)");
        condition.params.put("clinic", viewer.clinicId());
        if (!viewer.staff()) {
            condition.and("e.status = :status", "status", Status.PUBLISHED);
        } else if (status != null) {
            condition.and("e.status = :status", "status", status);
        } else {
            condition.and("e.status <> :status", "status", Status.ARCHIVED);
        }
        return condition;
    }

    /**
     * The rule of a fetch by slug: like {@link #visibleTo}, except that staff also open archived
     * entries, e.g. to see what an old plan referred to. Where the clinic and the shipped library
     * both have the slug, the caller sorts by {@link #OWN_FIRST} so the clinic's own entry wins.
     */
    static Condition fetchableBy(Viewer viewer) {
        if (!viewer.staff()) {
            return visibleTo(viewer, null);
        }
        Condition condition = new Condition("(e.clinicId is null or e.clinicId = :clinic)");
        condition.params.put("clinic", viewer.clinicId());
        return condition;
    }

    /** Order of a fetch by slug: the clinic's row before the shipped library's. */
    static final String OWN_FIRST = "e.clinicId nulls last";

    /** One page of a search's results, with the total it was taken from. */
    static <T> Page<T> page(PanacheQuery<T> query, PageRequest paging) {
        List<T> items = query.page(paging.page(), paging.size()).list();
        return new Page<>(items, paging.page(), paging.size(), query.count());
    }

    /** An HQL where-clause under construction with its named parameters. */
    static final class Condition {
        final StringBuilder where;
        final Map<String, Object> params = new HashMap<>();

        Condition(String first) {
            this.where = new StringBuilder(first);
        }

        Condition and(String clause, String name, Object value) {
            where.append(" and ").append(clause);
            params.put(name, value);
            return this;
        }
    }
}
