package io.spinewise.web.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pictures' URLs, kept after the first look-up: each path keeps its own answer, the same every time. */
class AssetsTest {

    private final Assets assets = new Assets();

    @Test
    void aShippedDrawingIsVersionedByItsContentEveryTime() {
        String first = assets.picture("/img/exercises/cat-cow-start.svg");

        assertThat(first).matches("/img/exercises/cat-cow-start\\.svg\\?v=[0-9a-f]{12}");
        assertThat(assets.picture("/img/exercises/cat-cow-start.svg")).isEqualTo(first);
        assertThat(assets.picture("/img/exercises/cat-cow-end.svg")).startsWith("/img/exercises/cat-cow-end.svg?v=")
                .isNotEqualTo(first.replace("start", "end"));
    }

    @Test
    void aPictureThisAppDoesNotShipKeepsItsUrlEveryTime() {
        assertThat(assets.picture("/media/desk-stretch/1")).isEqualTo("/media/desk-stretch/1");
        assertThat(assets.picture("/media/desk-stretch/1")).isEqualTo("/media/desk-stretch/1");
        assertThat(assets.picture("/img/exercises/cat-cow-start.svg")).contains("?v=");
    }
}
