package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.CommittedApiDocument;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Health, metrics and the API description that operators and integrators rely on. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class OperationsTest {

    @Test
    void readinessChecksTheDatabaseAndLivenessDoesNot() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem(containsString("Database"))));
    }

    @Test
    void prometheusMetricsAreExposed() {
        Users.as(Users.NORTH_CHIRO).get("/api/patients").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void theCommittedOpenApiDocumentIsTheOneTheServiceGenerates() {
        String generated = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        CommittedApiDocument.assertCommitted("plan-service", generated);
    }

    @Test
    void openApiDescribesTheBearerSchemeAndTheEndpoints() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.keycloak.scheme", equalTo("bearer"))
                .body("paths.'/api/me/sessions'.post.summary", notNullValue())
                .body("paths.'/api/reports/adherence.csv'.get.summary", notNullValue())
                .body("paths.'/api/dashboard'.get.security[0].keycloak", notNullValue());
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        Users.as(Users.NORTH_CHIRO).get("/api/nothing-here").then().statusCode(404).contentType(Users.PROBLEM_JSON);
        Users.as(Users.NORTH_CHIRO).delete("/api/patients").then().statusCode(405).contentType(Users.PROBLEM_JSON);
        Users.as(Users.NORTH_CHIRO).contentType("text/plain").body("x").post("/api/patients").then().statusCode(415)
                .contentType(Users.PROBLEM_JSON);
    }
}
