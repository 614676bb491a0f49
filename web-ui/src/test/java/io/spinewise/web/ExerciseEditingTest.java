package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Adding and editing a clinic exercise against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ExerciseEditingTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void theCatalogsRefusalOfADoseIsShownByTheDoseFields() {
        StubServices.answer("POST", "/api/exercises", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"dosage.holdSeconds min must not be greater than max.",
                 "violations":[{"field":"dosage.holdSeconds","message":"min must not be greater than max"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk stretch").formParam("summary", "Round and arch the back.")
                .formParam("steps", "Kneel on all fours.").formParam("holdMin", "60").formParam("holdMax", "30")
                .formParam("bodyRegion", "THORACIC").formParam("category", "MOBILITY").formParam("position", "ALL_FOURS")
                .formParam("sets", "1").formParam("sides", "BOTH").formParam("status", "PUBLISHED")
                .when().post("/admin/library")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("<fieldset aria-describedby=\"dosage-error\">",
                "<small id=\"dosage-error\" class=\"field-error\">holdSeconds: min must not be greater than max</small>",
                "value=\"Desk stretch\"");
    }

    @Test
    void aStaleExerciseEditIsAConflictWithTheServicesMessageAndTheTypedValuesKept() {
        StubServices.json("GET", "/api/exercises/desk-stretch", Fixtures.CAT_COW
                .replace("\"cat-cow\"", "\"desk-stretch\"").replace("\"library\"", "\"clinic\""), Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/desk-stretch/translations", "[]");
        StubServices.problem("PUT", "/api/exercises/desk-stretch", 412,
                "This exercise was changed by someone else since you opened it. Reload it and apply your change again.");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");
        assertThat(page.hidden("etag")).isEqualTo("&quot;2&quot;");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"2\"")
                .formParam("name", "Desk stretch, slower").formParam("summary", "Round and arch the back.")
                // the form's selects always carry a value
                .formParam("bodyRegion", "THORACIC").formParam("category", "MOBILITY").formParam("position", "ALL_FOURS")
                .formParam("steps", "Kneel on all fours.").formParam("holdMin", "20").formParam("holdMax", "30")
                .formParam("sets", "1").formParam("sides", "BOTH").formParam("status", "PUBLISHED")
                .when().post("/admin/library/desk-stretch")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This exercise was changed by someone else since you opened it.",
                "value=\"Desk stretch, slower\"");
        assertThat(StubServices.requests("PUT", "/api/exercises/desk-stretch")).singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).isEqualTo("\"2\""));
    }
}
