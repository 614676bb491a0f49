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

/** A patient's plans: the printed handout ({@code PatientPlans}). */
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

        given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/handout")
                .then().statusCode(200)
                .body(containsString("Squeeze your shoulder blades together."))
                .body(containsString("Round up like a cat."));

        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("slug=thoracic-wall-extension&slug=cat-cow"));
        assertThat(StubServices.requests()).noneMatch(r -> r.path().startsWith("/api/exercises/"));
    }
}
