package io.spinewise.fault;

import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Database outage: PostgreSQL stopped for a while under both services. Liveness stays up and
 * readiness goes down; API calls answer fast with a 503 problem and {@code Retry-After}, not a 500
 * or a hang; once PostgreSQL is back both services serve again without a restart, and no request
 * fails on a pooled connection that died with the old server.
 */
class DatabaseOutageIT {

    private static final int POOL_WIDE = 12;
    private static final long OUTAGE_MILLIS = 10_000;
    private static final long FAST_MILLIS = 5_000;

    @Test
    void bothServicesAnswer503WhileTheDatabaseIsDownAndServeAgainWhenItIsBack() throws Exception {
        Platform platform = FaultPlatform.get();
        Api.User chiropractor = new Api.User("dr.ada", "demo");
        Api.Patient patient = Api.enrol(chiropractor, "outage");
        UUID plan = Api.prescribe(chiropractor, patient, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        List<Callable<HttpResponse<String>>> calls = List.of(
                () -> Api.send(patient.user(), "GET", FaultPlatform.PLAN + "/api/me/plans", null),
                () -> Api.send(patient.user(), "GET", FaultPlatform.CATALOG + "/api/exercises", null),
                () -> Api.send(patient.user(), "POST", FaultPlatform.PLAN + "/api/me/sessions",
                        Api.checkOff(plan, LocalDate.now(ZoneOffset.UTC).minusDays(1), 1),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        // fill both pools with connections that will die with the server
        assertThat(concurrently(calls.subList(0, 2), POOL_WIDE)).allMatch(r -> r.statusCode() == 200);

        platform.stop("postgresql");
        long stopped = System.nanoTime();
        List<HttpResponse<String>> during = new ArrayList<>();
        long slowest = 0;
        int liveUp = 0;
        int readyDown = 0;
        int probes = 0;
        while ((System.nanoTime() - stopped) / 1_000_000 < OUTAGE_MILLIS) {
            for (Callable<HttpResponse<String>> call : calls) {
                long begin = System.nanoTime();
                during.add(call.call());
                slowest = Math.max(slowest, System.nanoTime() - begin);
            }
            for (String service : List.of(FaultPlatform.PLAN, FaultPlatform.CATALOG)) {
                probes++;
                liveUp += Api.get(service + "/q/health/live").statusCode() == 200 ? 1 : 0;
                readyDown += Api.get(service + "/q/health/ready").statusCode() == 503 ? 1 : 0;
            }
            Thread.sleep(500);
        }

        platform.start("postgresql");
        long back = System.nanoTime();
        // every pooled connection at once: a dead one handed out would fail one of these
        List<HttpResponse<String>> after = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            after.addAll(concurrently(calls.subList(0, 2), POOL_WIDE));
        }
        long servedAgain = System.nanoTime() - back;
        after.add(calls.get(2).call());
        boolean readyAgain = Api.get(FaultPlatform.PLAN + "/q/health/ready").statusCode() == 200
                && Api.get(FaultPlatform.CATALOG + "/q/health/ready").statusCode() == 200;

        long answered503 = during.stream().filter(DatabaseOutageIT::isRetryableProblem).count();
        long failedAfter = after.stream().filter(r -> r.statusCode() / 100 != 2).count();
        FaultReport.table("Database outage: PostgreSQL stopped for " + OUTAGE_MILLIS / 1000 + " s under both services",
                List.of("API calls during", "503 problem + Retry-After", "other answers", "slowest answer",
                        "liveness UP", "readiness DOWN", "calls after it is back", "failed after", "all served again in"),
                List.of(List.of(Integer.toString(during.size()), Long.toString(answered503),
                        statuses(during.stream().filter(r -> !isRetryableProblem(r)).toList()),
                        FaultReport.seconds(slowest), liveUp + " of " + probes, readyDown + " of " + probes,
                        Integer.toString(after.size()), Long.toString(failedAfter), FaultReport.seconds(servedAgain))));

        assertThat(during).as("every API call during the outage: a 503 problem with Retry-After")
                .allMatch(DatabaseOutageIT::isRetryableProblem);
        assertThat(slowest / 1_000_000).as("slowest answer during the outage, ms").isLessThan(FAST_MILLIS);
        assertThat(liveUp).as("liveness UP during the outage").isEqualTo(probes);
        assertThat(readyDown).as("readiness DOWN during the outage").isEqualTo(probes);
        assertThat(after).as("every call once PostgreSQL is back, without restarting a service")
                .allMatch(r -> r.statusCode() / 100 == 2);
        assertThat(servedAgain / 1_000_000_000).as("seconds until both serve again").isLessThan(30);
        assertThat(readyAgain).as("both ready again").isTrue();
    }

    @Test
    void noRequestFailsOnAPooledConnectionThatDiedWithTheDatabase() throws Exception {
        Platform platform = FaultPlatform.get();
        Api.User chiropractor = new Api.User("dr.ada", "demo");
        List<Callable<HttpResponse<String>>> calls = List.of(
                () -> Api.send(chiropractor, "GET", FaultPlatform.PLAN + "/api/patients", null),
                () -> Api.send(chiropractor, "GET", FaultPlatform.CATALOG + "/api/exercises", null));
        assertThat(concurrently(calls, POOL_WIDE)).allMatch(r -> r.statusCode() == 200);

        // a quick restart with no request meanwhile: every pooled connection is dead, and none knows it yet
        long begin = System.nanoTime();
        platform.kill("postgresql");
        platform.start("postgresql");
        long down = System.nanoTime() - begin;
        List<HttpResponse<String>> after = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            after.addAll(concurrently(calls, POOL_WIDE));
        }

        long failed = after.stream().filter(r -> r.statusCode() != 200).count();
        FaultReport.table("Pooled connections: PostgreSQL killed and started again between two bursts of calls",
                List.of("calls before", "down until ready again", "calls after", "failed after", "answers"),
                List.of(List.of(Integer.toString(POOL_WIDE * calls.size()), FaultReport.seconds(down),
                        Integer.toString(after.size()), Long.toString(failed), statusCounts(after))));
        assertThat(failed).as("calls failed on a dead pooled connection").isZero();
    }

    private static String statusCounts(List<HttpResponse<String>> answers) {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach(r -> counts.merge(r.statusCode(), 1L, Long::sum));
        return counts.toString();
    }

    private static boolean isRetryableProblem(HttpResponse<String> r) {
        return r.statusCode() == 503
                && r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && r.headers().firstValue("Retry-After").isPresent();
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.isEmpty() ? "none" : answers.stream()
                .map(r -> r.statusCode() + " " + r.uri().getPath()).distinct().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static List<HttpResponse<String>> concurrently(List<Callable<HttpResponse<String>>> calls, int each)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(each * calls.size());
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                for (int i = 0; i < each; i++) {
                    futures.add(pool.submit(call));
                }
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
