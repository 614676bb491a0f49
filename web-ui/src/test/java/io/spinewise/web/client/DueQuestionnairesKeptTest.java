package io.spinewise.web.client;

import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.config.WebConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How long and for whom a patient's due questionnaires are kept (the page's side: TodayDueQuestionnairesTest). */
class DueQuestionnairesKeptTest {

    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");
    private static final List<DueAssessment> NPRS_DUE = List.of(new DueAssessment(UUID.randomUUID(), "NPRS",
            "Numeric Pain Rating Scale", LocalDate.parse("2026-11-30"), false, "en", null, List.of(), List.of()));

    private final DueQuestionnairesKept kept = new DueQuestionnairesKept();
    private Duration keeping = Duration.ofSeconds(30);

    @BeforeEach
    void settings() {
        kept.config = (WebConfig) Proxy.newProxyInstance(WebConfig.class.getClassLoader(),
                new Class<?>[] {WebConfig.class}, (proxy, method, args) -> keeping);
        at(NOON);
    }

    @Test
    void aListAnswersUntilItsTimeIsUpThenNoLonger() {
        kept.keep("paul", NPRS_DUE);
        at(NOON.plusSeconds(29));
        var stillKept = kept.of("paul");
        at(NOON.plusSeconds(30));

        assertThat(stillKept).contains(NPRS_DUE);
        assertThat(kept.of("paul")).isEmpty();
    }

    @Test
    void oneSubjectsListNeverAnswersAnother() {
        kept.keep("paul", NPRS_DUE);

        assertThat(kept.of("petra")).isEmpty();
        assertThat(kept.of(null)).isEmpty();
    }

    @Test
    void aForgottenListIsAskedForAgainAndOthersStay() {
        kept.keep("paul", NPRS_DUE);
        kept.keep("petra", List.of());
        kept.forget("paul");

        assertThat(kept.of("paul")).isEmpty();
        assertThat(kept.of("petra")).contains(List.of());
    }

    @Test
    void keepingZeroKeepsNothingAndNoSubjectIsNeverKept() {
        keeping = Duration.ZERO;
        kept.keep("paul", NPRS_DUE);
        keeping = Duration.ofSeconds(30);
        kept.keep(null, NPRS_DUE);

        assertThat(kept.of("paul")).isEmpty();
        assertThat(kept.of(null)).isEmpty();
    }

    private void at(Instant now) {
        kept.clock = Clock.fixed(now, ZoneOffset.UTC);
    }
}
