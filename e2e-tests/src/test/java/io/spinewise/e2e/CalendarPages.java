package io.spinewise.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar cells of web-ui pages as a signed-in browser gets them: Chromium fetches each
 * page with its session cookie and parses it with its own HTML parser, a few at a time, and
 * hands back each cell's state (its class besides {@code day}) and its words for screen readers.
 * Fetching inside the page keeps thousands of pages fast while staying the browser's request.
 */
final class CalendarPages {

    /** One calendar cell: {@code state} e.g. "done", {@code label} e.g. "Monday 2 March 2026: 1 of 2 sessions done". */
    record Cell(String state, String label) {
    }

    /** A page: its HTTP status (0 for a redirect, e.g. to the login) and its calendar cells in document order. */
    record Page(int status, List<Cell> cells, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 100;
    private static final int IN_FLIGHT = 4;
    private static final String FETCH = """
            const paths = arguments[0], inFlight = arguments[1], done = arguments[arguments.length - 1];
            const pages = new Array(paths.length);
            let next = 0;
            async function worker() {
              while (next < paths.length) {
                const i = next++;
                try {
                  const response = await fetch(paths[i], { credentials: 'same-origin', redirect: 'manual' });
                  if (response.status !== 200) {
                    pages[i] = { status: response.status, cells: [], error: null };
                    continue;
                  }
                  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
                  const cells = [...page.querySelectorAll('table.calendar td')].map(td => ({
                    state: [...td.classList].filter(c => c !== 'day').join(' '),
                    label: (td.querySelector('.visually-hidden') || { textContent: '' }).textContent.trim() }));
                  pages[i] = { status: 200, cells: cells, error: null };
                } catch (e) {
                  pages[i] = { status: -1, cells: [], error: String(e) };
                }
              }
            }
            Promise.all(Array.from({ length: inFlight }, worker)).then(() => done(JSON.stringify(pages)));
            """;

    private CalendarPages() {
    }

    /** Reads the pages at {@code paths} (of the web-ui the browser is signed in to), in order. */
    static List<Page> read(Browser browser, List<String> paths) {
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < paths.size(); i += BATCH) {
            List<String> batch = paths.subList(i, Math.min(paths.size(), i + BATCH));
            Object result = browser.driver().executeAsyncScript(FETCH, batch, IN_FLIGHT);
            try {
                pages.addAll(JSON.readValue((String) result, new TypeReference<List<Page>>() {
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }
}
