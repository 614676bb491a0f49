package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.MonitoringQueries;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production alerts and the Grafana dashboard read series this service really exposes: after the calls
 * they watch (check-off, Today, the dashboard, the attention list, the CSV report), every metric and exact
 * label value that {@code k8s/overlays/prod/alerts.yaml} and {@code dashboard.yaml} select for plan-service is
 * in {@code /q/metrics}.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AlertMetricsTest {

    @Test
    void everySeriesTheAlertsSelectIsExposed() {
        EnrolledPatient paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        String plan = dailyPlan(NORTH_CHIRO, paul);
        as(paul.token()).header("Idempotency-Key", "alert-metrics-1").body(checkOff(plan, paul.today(), 1))
                .post("/api/me/sessions").then().statusCode(201);
        as(paul.token()).get("/api/me/today").then().statusCode(200);
        as(NORTH_CHIRO).get("/api/dashboard").then().statusCode(200);
        as(NORTH_CHIRO).get("/api/attention").then().statusCode(200);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        as(NORTH_ADMIN).get("/api/reports/adherence.csv?from=" + yesterday.minusDays(6) + "&to=" + yesterday)
                .then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(MonitoringQueries.of("plan-service")).extracting(MonitoringQueries.Selector::metric)
                .contains("http_server_requests_seconds_bucket", "agroal_awaiting_count",
                        "spinewise_reminder_job_last_run_seconds", "spinewise_reminder_oldest_due_age_seconds",
                        "jvm_memory_used_bytes", "agroal_active_count");
        assertThat(MonitoringQueries.unmatched(MonitoringQueries.of("plan-service"), metrics)).isEmpty();
        // and the check can fail: a path the service does not have matches no series
        assertThat(MonitoringQueries.unmatched(List.of(new MonitoringQueries.Selector("renamed path",
                "http_server_requests_seconds_bucket", Map.of("uri", "/api/me/session"))), metrics)).hasSize(1);
    }
}
