package io.spinewise.web.client.model;

import java.util.List;

/**
 * One page of a list as the services answer it; {@code next} and {@code previous} are where the pages beside it
 * start, for the lists that page by position (plan-service's dashboard), and null for the others.
 */
public record ListPage<T>(List<T> items, int page, int size, long total, String next, String previous) {

    public ListPage(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null, null);
    }

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
