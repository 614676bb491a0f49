package io.spinewise.web.client.model;

import java.util.List;

/** One page of a list as the services answer it. */
public record ListPage<T>(List<T> items, int page, int size, long total) {

    public List<T> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
