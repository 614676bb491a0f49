package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.MonitoringQueries;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/**
 * web-ui's metrics are on the management port only: {@code /q/metrics} there has every series the production
 * alerts and dashboard select for web-ui (the Today page's latency buckets among them, after a Today page),
 * while the pages' port, the one an Ingress exposes, does not serve them; health stays on the pages' port for
 * the probes and the launcher.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class MetricsPortTest {

    /** /q/metrics on the management port (the annotation adds the management root path, /q). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void metricsAreOnTheManagementPortWithEverySeriesTheAlertsAndDashboardSelect() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        given().auth().oauth2(Users.patient()).get("/today").then().statusCode(200);

        String metrics = given().get(managementMetrics).then().statusCode(200).extract().asString();

        assertThat(MonitoringQueries.of("web-ui")).extracting(MonitoringQueries.Selector::metric)
                .contains("http_server_requests_seconds_bucket", "http_server_requests_seconds_count", "jvm_memory_used_bytes");
        assertThat(MonitoringQueries.unmatched(MonitoringQueries.of("web-ui"), metrics)).isEmpty();
        // and the check can fail: a page web-ui does not have matches no series
        assertThat(MonitoringQueries.unmatched(List.of(new MonitoringQueries.Selector("renamed page",
                "http_server_requests_seconds_bucket", Map.of("uri", "/todays"))), metrics)).hasSize(1);
    }

    @Test
    void thePagesPortServesNoMetricsButStillItsHealth() {
        given().redirects().follow(false).get("/q/metrics").then()
                .statusCode(oneOf(302, 401, 404))
                .body(not(containsString("http_server_requests")));
        given().auth().oauth2(Users.patient()).redirects().follow(false).get("/q/metrics").then()
                .statusCode(404)
                .body(not(containsString("http_server_requests")));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
