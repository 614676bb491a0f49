package io.spinewise.plan;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.SilentPort;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromExercises;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/**
 * catalog-service down or hanging: a prescription gets a clear 503 problem after a bounded
 * wait (the client's timeouts), never a hang or a 500, and nothing is saved.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogUnavailableTest.SilentCatalog.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CatalogUnavailableTest {

    private static EnrolledPatient paul;

    @BeforeEach
    void paulIsEnrolled() {
        if (paul == null) {
            paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        }
    }

    @Test
    void aCatalogThatAcceptsButNeverAnswersGivesA503WithinTheTimeout() {
        SilentCatalog.PORT.hang();
        long started = System.nanoTime();
        as(NORTH_CHIRO).body(fromRoutine("mid-back-relief", schedule(paul.today(), 1)))
                .post("/api/patients/" + paul.id() + "/plans").then()
                .statusCode(503).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:spinewise:problem:dependency-unavailable"))
                .body("detail", containsString("catalog"))
                .body("detail", containsString("nothing was saved"))
                .body(not(containsString("Exception")))
                .time(lessThan(10_000L));
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2_500);
        as(NORTH_CHIRO).get("/api/patients/" + paul.id() + "/plans").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aClosedPortGivesA503AtOnce() {
        SilentCatalog.PORT.close();
        as(NORTH_CHIRO).body(fromExercises(schedule(paul.today(), 1), "cat-cow"))
                .post("/api/patients/" + paul.id() + "/plans").then()
                .statusCode(503).contentType(PROBLEM_JSON)
                .time(lessThan(5_000L));
    }

    /** catalog-service's port: hung (from the start) or closed. */
    public static class SilentCatalog implements QuarkusTestResourceLifecycleManager {

        static final SilentPort PORT = new SilentPort();

        @Override
        public Map<String, String> start() {
            PORT.hang();
            return Map.of("quarkus.rest-client.catalog.url", PORT.url());
        }

        @Override
        public void stop() {
            PORT.close();
        }
    }
}
