package io.spinewise.catalog;

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
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void livenessDoesNotDependOnTheDatabase() {
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem(containsString("Database"))));
    }

    @Test
    void prometheusMetricsAreExposed() {
        Users.as(Users.NORTH_PATIENT).get("/api/exercises").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/exercises\""));
    }

    @Test
    void theCommittedOpenApiDocumentIsTheOneTheServiceGenerates() {
        String generated = given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        CommittedApiDocument.assertCommitted("catalog-service", generated);
    }

    @Test
    void openApiDescribesTheBearerSchemeAndExamples() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.keycloak.scheme", equalTo("bearer"))
                .body("paths.'/api/exercises'.get.security[0].keycloak", notNullValue())
                .body("paths.'/api/exercises'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/routines/{slug}'.put.summary", notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
