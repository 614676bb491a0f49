package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.spinewise.catalog.ExerciseFixtures.exercise;
import static io.spinewise.catalog.Users.NORTH_CHIRO;
import static io.spinewise.catalog.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same write sent by several requests at the very same moment: each is answered as if they
 * came one after the other (a duplicate is a 409 problem, a second translation a replacement),
 * never a 500 from the unique index that settled the race.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SimultaneousWritesTest {

    private static final int REQUESTS = 6;

    @Test
    void oneOfSeveralSimultaneousCreatesOfOneSlugWinsAndTheOthersGetAConflictProblem() throws Exception {
        String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
        List<Response> answers = simultaneously(() -> as(NORTH_CHIRO).body(exercise(slug)).post("/api/exercises"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 409).containsOnlyOnce(201);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a ->
                assertThat(a.contentType()).startsWith("application/problem+json"));
        assertThat(as(NORTH_CHIRO).get("/api/exercises?q=" + slug).<Integer>path("total")).isEqualTo(1);
    }

    @Test
    void simultaneousTranslationsIntoOneLanguageAddItOnceAndReplaceItThen() throws Exception {
        String slug = "race-" + UUID.randomUUID().toString().substring(0, 8);
        as(NORTH_CHIRO).body(exercise(slug)).post("/api/exercises").then().statusCode(201);
        Map<String, Object> german = Map.of("name", "Rotation im Sitzen", "summary", "Drehen Sie den Rücken.",
                "steps", List.of("Setzen Sie sich aufrecht hin."));

        List<Response> answers = simultaneously(() ->
                as(NORTH_CHIRO).body(german).put("/api/exercises/" + slug + "/translations/de"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200).containsOnlyOnce(201);
        assertThat(as(NORTH_CHIRO).get("/api/exercises/" + slug + "/translations").<List<String>>path("language"))
                .containsExactly("de");
    }

    /** Sends {@link #REQUESTS} copies of a request released together, and their answers. */
    private static List<Response> simultaneously(Supplier<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
