package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
 * <p>
 * And a pooled connection that died while idle (a database restart, a failover) is not handed out:
 * the pool checks a connection idle for longer than {@code foreground-validation-interval} before
 * lending it (a busy connection is not checked, so a check-off stays one round trip).
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
        assertThat(concurrently(calls)).hasSize(3 * CONCURRENT_CALLS).containsOnly(200);
    }

    @Test
    void noCallGetsAPooledConnectionThatDiedWhileIdle() throws Exception {
        EnrolledPatient vera = enrol(NORTH_CHIRO, NORTH, "Vera", "Europe/Berlin");
        dailyPlan(NORTH_CHIRO, vera);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(() -> as(vera.token()).get("/api/me/today").statusCode());
        }
        assertThat(concurrently(calls)).containsOnly(200);

        assertThat(terminateThePoolsConnections()).as("pooled connections killed").isPositive();
        Duration interval = ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.foreground-validation-interval", Duration.class);
        Thread.sleep(interval.toMillis() + 200);

        List<Integer> after = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            after.addAll(concurrently(calls));
        }
        assertThat(after).as("calls after the pool's connections died while idle").containsOnly(200);
    }

    private static List<Integer> concurrently(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
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

    /** Ends every other session of the service's runtime role, as a database restart would; how many. */
    private static int terminateThePoolsConnections() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE usename = current_user AND pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
