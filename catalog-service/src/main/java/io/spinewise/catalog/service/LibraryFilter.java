package io.spinewise.catalog.service;

import io.spinewise.catalog.domain.Category;
import io.spinewise.catalog.domain.Status;

/** Optional filters of a library search; null means "any". */
public record LibraryFilter(String text, Category category, String equipment, Status status) {
}
