package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request never holds one pooled connection while it waits for another. If it did (a
 * transaction-less Hibernate session keeping its connection until the request ends while plain
 * JDBC or the audit record takes a second one), a few more concurrent requests than
 * connections would wait on each other until the pool's acquisition timeout and fail with 500
 * — what the service benchmark found at 32 concurrent "today" calls. With two connections and
 * twelve concurrent calls, every call must still succeed.
 */
@QuarkusTest
@TestProfile(SmallConnectionPoolTest.TwoConnections.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class SmallConnectionPoolTest {

    private static final int CONCURRENT_CALLS = 12;

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2",
                    "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S");
        }
    }

    @Test
    void moreConcurrentCallsThanConnectionsAllSucceed() throws Exception {
        EnrolledPatient paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        dailyPlan(NORTH_CHIRO, paul);

        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(() -> as(paul.token()).get("/api/me/today").statusCode());
            calls.add(() -> as(NORTH_CHIRO).get("/api/dashboard").statusCode());
            calls.add(() -> as(paul.token()).get("/api/me/plans").statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CALLS);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).hasSize(3 * CONCURRENT_CALLS).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
