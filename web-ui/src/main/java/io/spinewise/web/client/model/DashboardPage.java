package io.spinewise.web.client.model;

import java.util.List;

/**
 * One page of plan-service's clinic dashboard: a list page, and where the pages beside it start ({@code next},
 * {@code previous}: opaque positions to pass back as {@code after} and {@code before}; null at either end), so
 * that Next and Previous cost the same in a clinic of any size.
 */
public record DashboardPage(List<DashboardRow> items, int page, int size, long total, String next,
                            String previous) {

    public List<DashboardRow> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    /** The page as any list's, for what pages by number. */
    public ListPage<DashboardRow> asListPage() {
        return new ListPage<>(items, page, size, total);
    }
}
