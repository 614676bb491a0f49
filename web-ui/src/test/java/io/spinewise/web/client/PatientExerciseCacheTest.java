package io.spinewise.web.client;

import io.spinewise.web.client.model.Exercise;
import io.spinewise.web.config.WebConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** How long and for whom the library's exercises are kept (the pages' side: TodayExerciseCacheTest). */
class PatientExerciseCacheTest {

    private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

    private final PatientExerciseCache cache = new PatientExerciseCache();
    private final List<List<String>> asked = new ArrayList<>();
    private Duration kept = Duration.ofSeconds(60);

    /** The catalog: knows every slug except "unknown", and remembers what it was asked. */
    private final Function<List<String>, Map<String, Exercise>> catalog = slugs -> {
        asked.add(slugs);
        return slugs.stream().filter(slug -> !slug.equals("unknown")).collect(Collectors.toMap(slug -> slug,
                slug -> new Exercise(slug, "en", slug + " " + asked.size(), null, null, null, List.of(), null, List.of(),
                        List.of(), null, List.of(), List.of(), null, null, null, 1)));
    };

    @BeforeEach
    void settings() {
        cache.config = (WebConfig) Proxy.newProxyInstance(WebConfig.class.getClassLoader(),
                new Class<?>[] {WebConfig.class}, (proxy, method, args) -> kept);
        at(NOON);
    }

    @Test
    void keptEntriesAnswerUntilTheirTimeIsUpThenTheCatalogIsAskedAgain() {
        cache.exercises("north", null, List.of("cat-cow", "wall"), catalog);
        at(NOON.plusSeconds(59));
        Map<String, Exercise> stillKept = cache.exercises("north", null, List.of("cat-cow", "wall"), catalog);
        at(NOON.plusSeconds(60));
        Map<String, Exercise> fresh = cache.exercises("north", null, List.of("cat-cow", "wall"), catalog);

        assertThat(asked).containsExactly(List.of("cat-cow", "wall"), List.of("cat-cow", "wall"));
        assertThat(stillKept.get("cat-cow").name()).isEqualTo("cat-cow 1");
        assertThat(fresh.get("cat-cow").name()).isEqualTo("cat-cow 2");
    }

    @Test
    void onlyTheSlugsNotKeptAreAskedForAndAnAbsentOneStaysAbsent() {
        cache.exercises("north", null, List.of("cat-cow", "unknown"), catalog);
        Map<String, Exercise> found = cache.exercises("north", null, List.of("cat-cow", "unknown", "wall"), catalog);

        assertThat(asked).containsExactly(List.of("cat-cow", "unknown"), List.of("wall"));
        assertThat(found).containsOnlyKeys("cat-cow", "wall");
    }

    @Test
    void clinicsAndLanguagesNeverShareEntries() {
        cache.exercises("north", null, List.of("cat-cow"), catalog);
        cache.exercises("south", null, List.of("cat-cow"), catalog);
        cache.exercises("north", "de", List.of("cat-cow"), catalog);

        assertThat(asked).hasSize(3);
    }

    @Test
    void noClinicOrNoKeepingTimeAsksEveryTime() {
        cache.exercises(null, null, List.of("cat-cow"), catalog);
        cache.exercises(null, null, List.of("cat-cow"), catalog);
        kept = Duration.ZERO;
        cache.exercises("north", null, List.of("cat-cow"), catalog);
        cache.exercises("north", null, List.of("cat-cow"), catalog);

        assertThat(asked).hasSize(4);
    }

    private void at(Instant instant) {
        cache.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }
}
