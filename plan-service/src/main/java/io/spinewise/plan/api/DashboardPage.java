package io.spinewise.plan.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A page of the clinic dashboard: a list page, and where the pages beside it start.
 *
 * @param next     the {@code after} of the next page, null on the last page
 * @param previous the {@code before} of the previous page, null on the first page
 */
public record DashboardPage(List<DashboardRow> items, int page, int size, long total,
                            @Schema(nullable = true, description = "The next page's after; null on the last page")
                            String next,
                            @Schema(nullable = true, description = "The previous page's before; null on the first page")
                            String previous) {
}
