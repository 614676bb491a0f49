package io.spinewise.web.page;

import io.spinewise.web.client.model.ListPage;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Page links: which pages are offered, what the links keep, and how odd page numbers are read. */
class PagerTest {

    private static Pager pager(int asked, long total, int shown) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", "O'Brien & Sons");
        params.put("sort", "name");
        params.put("dir", "");
        return Pager.of("/patients", params, new ListPage<>(Collections.nCopies(shown, "row"), asked - 1, 50, total),
                asked);
    }

    private static List<Integer> numbers(Pager pager) {
        return pager.links().stream().map(Pager.Link::number).toList();
    }

    @Test
    void theFirstTheLastAndTwoEitherSideOfTheCurrentPageAreOfferedWithGapsBetween() {
        assertThat(numbers(pager(1, 1234, 50))).containsExactly(1, 2, 3, 0, 25);
        assertThat(numbers(pager(10, 1234, 50))).containsExactly(1, 0, 8, 9, 10, 11, 12, 0, 25);
        assertThat(numbers(pager(25, 1234, 34))).containsExactly(1, 0, 23, 24, 25);
        assertThat(numbers(pager(4, 1234, 50))).containsExactly(1, 2, 3, 4, 5, 6, 0, 25);
        // a gap would hide page 2 alone: it is shown instead
        assertThat(numbers(pager(5, 1234, 50))).containsExactly(1, 2, 3, 4, 5, 6, 7, 0, 25);
        assertThat(numbers(pager(2, 120, 50))).containsExactly(1, 2, 3);
    }

    @Test
    void linksKeepTheOtherParametersEncodedAndLeaveBlankOnesOut() {
        Pager pager = pager(2, 120, 50);

        assertThat(pager.nextHref()).isEqualTo("/patients?q=O%27Brien+%26+Sons&sort=name&page=3");
        assertThat(pager.previousHref()).endsWith("&page=1");
        assertThat(pager.links()).filteredOn(Pager.Link::current).extracting(Pager.Link::number).containsExactly(2);
    }

    @Test
    void rowsAndPagesAreCountedForPeople() {
        Pager last = pager(25, 1234, 34);

        assertThat(last.rowsText()).isEqualTo("Rows 1,201–1,234 of 1,234");
        assertThat(last.pageText()).isEqualTo("Page 25 of 25");
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(pager(1, 0, 0).several()).isFalse();
        assertThat(pager(1, 0, 0).rowsText()).isEqualTo("No rows");
    }

    @Test
    void aPageBeyondTheLastOffersTheRealPagesAndNoPrevious() {
        Pager beyond = pager(9, 120, 0);

        assertThat(beyond.beyondEnd()).isTrue();
        assertThat(beyond.hasPrevious()).isFalse();
        assertThat(beyond.hasNext()).isFalse();
        assertThat(numbers(beyond)).containsExactly(1, 2, 3);
        assertThat(beyond.lastHref()).endsWith("&page=3");
        assertThat(beyond.beyondEndNotice()).isEqualTo("There is no page 9 of this list: it has 3 pages.");
        assertThat(pager(2, 0, 0).beyondEndNotice()).isEqualTo("There is no page 2 of this list: it has 1 page.");
        assertThat(pager(3, 120, 20).beyondEndNotice()).isNull();
    }

    @Test
    void aLinkWithoutParametersIsTheBarePath() {
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("from", "");
        assertThat(Pager.link("/admin/audit", blank)).isEqualTo("/admin/audit");
        blank.put("to", "2026-11-30");
        assertThat(Pager.link("/admin/audit", blank)).isEqualTo("/admin/audit?to=2026-11-30");
    }

    @Test
    void onlyWholeNumbersFromOneArePageNumbers() {
        assertThat(Pager.requested(null)).hasValue(1);
        assertThat(Pager.requested(" ")).hasValue(1);
        assertThat(Pager.requested(" 7 ")).hasValue(7);
        for (String text : new String[] {"0", "-3", "two", "1.5", "99999999999"}) {
            assertThat(Pager.requested(text)).as(text).isEmpty();
        }
    }
}
