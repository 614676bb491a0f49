package io.spinewise.web.page;

import io.spinewise.web.client.model.DashboardPage;
import io.spinewise.web.client.model.ListPage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Page links for a list a service pages through: previous and next, the first and last page and
 * those around the current one, and "rows 51–100 of 1,234". Pages are numbered from 1 in the
 * address bar (people read and share these links) and from 0 in the services' API. Every link
 * keeps the list's other parameters (search, sort), so a page link is an ordinary link that
 * works without script and that htmx can boost.
 *
 * The previous and next links of a list that pages by position (the dashboard) carry the service's position
 * ({@code before}, {@code after}) next to the page number, so that the service reads that page from where it starts
 * instead of counting past the pages before it; the numbered links go by number.
 *
 * @param page  the page asked for, from 1 (it may lie beyond {@code pages}: see {@link #beyondEnd()})
 * @param pages how many pages there are; at least 1, an empty list has one empty page
 * @param after    where the next page starts, or null (then the next link goes by number)
 * @param before   where the previous page ends, or null (then the previous link goes by number)
 */
public record Pager(String path, Map<String, String> params, int page, int pages, long total, long firstRow,
                    long lastRow, String after, String before) {

    /** Pages shown on each side of the current one before a gap. */
    private static final int AROUND = 2;

    /** One entry of the page list: a page link, or a gap ({@code number} 0) standing for skipped pages. */
    public record Link(int number, String href, boolean current) {

        public boolean gap() {
            return number == 0;
        }
    }

    /**
     * The page number in a request: 1 when none was given, empty when the text is not a whole
     * number from 1 (the caller answers that clearly instead of guessing).
     */
    public static OptionalInt requested(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.of(1);
        }
        try {
            int number = Integer.parseInt(text.strip());
            return number >= 1 ? OptionalInt.of(number) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * @param params the list's other query parameters, in link order; blank ones are left out
     * @param page   the page the service answered
     * @param asked  the page number asked for, from 1
     */
    public static Pager of(String path, Map<String, String> params, ListPage<?> page, int asked) {
        return of(path, params, page, asked, null, null);
    }

    /** The dashboard's pager: its Next and Previous links carry plan-service's positions. */
    public static Pager of(String path, Map<String, String> params, DashboardPage page, int asked) {
        return of(path, params, page.asListPage(), asked, page.next(), page.previous());
    }

    private static Pager of(String path, Map<String, String> params, ListPage<?> page, int asked, String after,
                            String before) {
        int size = Math.max(1, page.size());
        long total = Math.max(0, page.total());
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
        long first = (long) (asked - 1) * size;
        int shown = page.itemsOrEmpty().size();
        return new Pager(path, new LinkedHashMap<>(params), asked, pages, total, shown == 0 ? 0 : first + 1,
                first + shown, after, before);
    }

    /** More than one page: only then are page links worth showing. */
    public boolean several() {
        return pages > 1;
    }

    /** The page asked for does not exist (a stale or edited link). */
    public boolean beyondEnd() {
        return page > pages;
    }

    /**
     * Why a page beyond the last is empty ("There is no page 9 of this list: it has 3 pages."),
     * or null when the page exists; shown with a link to {@link #lastHref()}.
     */
    public String beyondEndNotice() {
        return beyondEnd() ? "There is no page " + page + " of this list: it has " + pages
                + (pages == 1 ? " page." : " pages.") : null;
    }

    public boolean hasPrevious() {
        return page > 1 && !beyondEnd();
    }

    public boolean hasNext() {
        return page < pages;
    }

    public String previousHref() {
        return href(page - 1, "before", before);
    }

    public String nextHref() {
        return href(page + 1, "after", after);
    }

    public String lastHref() {
        return href(pages);
    }

    /**
     * The first page, the last, and those within {@value #AROUND} of the current one (of the last,
     * when asked beyond it), with a gap for skipped pages; a gap that would hide one page shows it.
     */
    public List<Link> links() {
        int focus = Math.min(page, pages);
        List<Integer> numbers = new ArrayList<>();
        numbers.add(1);
        for (int n = Math.max(2, focus - AROUND); n <= Math.min(pages - 1, focus + AROUND); n++) {
            numbers.add(n);
        }
        if (pages > 1) {
            numbers.add(pages);
        }
        List<Link> links = new ArrayList<>();
        int previous = 0;
        for (int n : numbers) {
            if (n == previous + 2) {
                links.add(link(previous + 1));
            } else if (n > previous + 2) {
                links.add(new Link(0, null, false));
            }
            links.add(link(n));
            previous = n;
        }
        return links;
    }

    private Link link(int number) {
        return new Link(number, href(number), number == page);
    }

    /** "Rows 51–100 of 1,234", or "No rows" for an empty page. */
    public String rowsText() {
        if (firstRow == 0) {
            return "No rows";
        }
        return "Rows " + count(firstRow) + "–" + count(lastRow) + " of " + count(total);
    }

    /** "Page 2 of 25". */
    public String pageText() {
        return "Page " + count(page) + " of " + count(pages);
    }

    /** The link to page {@code number} (from 1), with the list's other parameters. */
    public String href(int number) {
        return href(number, null, null);
    }

    /** The link to page {@code number}, starting from {@code position} (as parameter {@code name}) when there is one. */
    private String href(int number, String name, String position) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("page", String.valueOf(number));
        if (position != null) {
            all.put(name, position);
        }
        return link(path, all);
    }

    /** {@code path?name=value&...}, URL-encoded, blank parameters left out; the bare path when none is left. */
    public static String link(String path, Map<String, String> params) {
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null && !param.getValue().isBlank()) {
                link.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
                separator = '&';
            }
        }
        return link.toString();
    }

    private static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
