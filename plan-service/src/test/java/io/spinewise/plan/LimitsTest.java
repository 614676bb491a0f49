package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The limits under their defaults: a patient's open plans are capped, and the per-user allowances are
 * generous enough that a busy chiropractor (or a test runner's few hundred requests as one user) never
 * meets them. The allowances themselves are tested with small values in {@link RateLimitsTest}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LimitsTest {

    private static final int OPEN_PLANS_CAP = 10;
    private static final int BURST = 300;

    @Test
    void aPatientHasAtMostTenOpenPlansAndCompletingOneMakesRoom() {
        String chiro = TestIssuer.token("chiro-plans", Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient pia = enrol(chiro, NORTH, "Pia", "Europe/Vienna");
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < OPEN_PLANS_CAP; i++) {
            plans.add(dailyPlan(chiro, pia));
        }
        as(chiro).body(Map.of("status", "PAUSED")).patch("/api/plans/" + plans.get(0)).then().statusCode(200);

        as(chiro).body(Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", pia.today().toString())))
                .post("/api/patients/" + pia.id() + "/plans").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("already has 10 plans that are active or paused"));
        as(chiro).get("/api/patients/" + pia.id() + "/plans").then().statusCode(200)
                .body("size()", equalTo(OPEN_PLANS_CAP));

        as(chiro).body(Map.of("status", "COMPLETED")).patch("/api/plans/" + plans.get(1)).then().statusCode(200);
        dailyPlan(chiro, pia);
    }

    @Test
    void concurrentPrescriptionsCannotBothPassTheCap() throws Exception {
        String chiro = TestIssuer.token("chiro-race", Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient rob = enrol(chiro, NORTH, "Rob", "UTC");
        for (int i = 0; i < OPEN_PLANS_CAP - 1; i++) {
            dailyPlan(chiro, rob);
        }
        List<Callable<Integer>> last = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            last.add(() -> as(chiro).body(Map.of("routine", "mid-back-relief",
                            "schedule", Map.of("startDate", rob.today().toString())))
                    .post("/api/patients/" + rob.id() + "/plans").statusCode());
        }
        List<Integer> statuses = runAll(last);
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    }

    @Test
    void aBurstOfThreeHundredWritesByOneChiropractorIsNotThrottled() throws Exception {
        String chiro = TestIssuer.token("chiro-burst", Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient uma = enrol(chiro, NORTH, "Uma", "UTC");
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String zone = i % 2 == 0 ? "Europe/Paris" : "UTC";
            writes.add(() -> as(chiro).body(Map.of("timeZone", zone)).patch("/api/patients/" + uma.id()).statusCode());
        }
        assertThat(runAll(writes)).hasSize(BURST).containsOnly(200);
    }

    private static List<Integer> runAll(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
