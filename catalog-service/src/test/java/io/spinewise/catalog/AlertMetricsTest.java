package io.spinewise.catalog;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.MonitoringQueries;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every series {@code k8s/overlays/prod/alerts.yaml} selects for catalog-service is in its {@code /q/metrics}. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AlertMetricsTest {

    @Test
    void everySeriesTheAlertsSelectIsExposed() {
        Users.as(Users.NORTH_CHIRO).get("/api/exercises").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(MonitoringQueries.of("catalog-service")).extracting(MonitoringQueries.Selector::metric)
                .contains("http_server_requests_seconds_count", "agroal_awaiting_count");
        assertThat(MonitoringQueries.unmatched(MonitoringQueries.of("catalog-service"), metrics)).isEmpty();
    }
}
