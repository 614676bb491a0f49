package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.spinewise.web.PatientStubs.stubPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** A patient's plans: pause, resume and complete, and the printed handout ({@code PatientPlans}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientPlansTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void theHandoutAsksTheLibraryForAllItsExercisesInOneRequest() {
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", "[" + Fixtures.plan() + "]");
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));

        given().auth().oauth2(Users.chiropractor()).header("Accept-Language", "de")
                .when().get("/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/handout")
                .then().statusCode(200)
                .body(containsString("Squeeze your shoulder blades together."))
                .body(containsString("Round up like a cat."))
                .body(containsString("alt=\"Cat: back rounded up, head down.\""))
                .body(containsString("src=\"/img/exercises/thoracic-wall-extension-end.svg?v="));

        // a staff page: the catalog's English, whatever the chiropractor's browser prefers
        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("slug=thoracic-wall-extension&slug=cat-cow"))
                .satisfies(r -> assertThat(r.header("Accept-Language")).isNull());
        assertThat(StubServices.requests()).noneMatch(r -> r.path().startsWith("/api/exercises/"));
    }

    @Test
    void anActivePlanOffersPauseAndCompleteAndAPausedOneResume() {
        stubPatient(Fixtures.adherence());
        String status = "/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/status\">";
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", "[" + Fixtures.plan() + "]");
        String active = Pages.get(Users.chiropractor(), "/patients/" + Fixtures.PATIENT_ID).response().asString();
        assertThat(active).contains(status, "name=\"status\" value=\"PAUSED\"><button type=\"submit\" class=\"secondary\">Pause",
                "name=\"status\" value=\"COMPLETED\"><button type=\"submit\" class=\"secondary outline\">Complete")
                .doesNotContain("value=\"ACTIVE\"");

        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans",
                "[" + Fixtures.plan().replace("\"ACTIVE\"", "\"PAUSED\"") + "]");
        String paused = Pages.get(Users.chiropractor(), "/patients/" + Fixtures.PATIENT_ID).response().asString();
        assertThat(paused).contains("name=\"status\" value=\"ACTIVE\"><button type=\"submit\">Resume",
                "value=\"COMPLETED\"").doesNotContain("value=\"PAUSED\"");
    }

    @Test
    void aStatusChangeIsSentToPlanServiceAndAnUnknownStatusIsRefused() {
        stubPatient(Fixtures.adherence());
        StubServices.json("PATCH", "/api/plans/" + Fixtures.PLAN_ID, Fixtures.plan().replace("\"ACTIVE\"", "\"PAUSED\""));
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);
        String path = "/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/status";

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("status", "PAUSED")
                .when().post(path)
                .then().statusCode(303).header("Location", endsWith("/patients/" + Fixtures.PATIENT_ID));
        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("status", "OTHER")
                .when().post(path)
                .then().statusCode(400);

        assertThat(StubServices.requests("PATCH", "/api/plans/" + Fixtures.PLAN_ID)).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"status\":\"PAUSED\"}"));
    }
}
