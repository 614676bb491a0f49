package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * Today's exercise texts kept per clinic and language (client/PatientExerciseCache, on here as in
 * production): the same clinic's next page does not ask catalog-service again, but another clinic,
 * another language and staff pages do, and a change to the library made through web-ui shows at once.
 */
@QuarkusTest
@TestProfile(TodayExerciseCacheTest.KeptAMinute.class)
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class TodayExerciseCacheTest {

    /** The production default, which the other page tests turn off. */
    public static class KeptAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.web.patient-library-kept", "60S");
        }
    }

    /** Each test its own clinic: what one test kept must not answer another's first page. */
    private static int clinics;

    private String clinic;

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        clinic = "kept-" + ++clinics;
    }

    @Test
    void aSecondPatientOfTheSameClinicGetsTheSameCardsWithoutAskingTheCatalogAgain() {
        String first = today(patientOf(clinic), "en");
        String second = today(patientOf(clinic), "en");

        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(1);
        assertThat(second).contains("Thoracic extension at the wall", "Squeeze your shoulder blades together.",
                "Stop if you feel tingling in the arms.");
        assertThat(withoutPerPageValues(second)).isEqualTo(withoutPerPageValues(first));
    }

    @Test
    void anotherClinicsPatientIsAskedForWithTheirOwnToken() {
        today(patientOf(clinic), "en");
        String other = patientOf(clinic + "-other");
        today(other, "en");

        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(2)
                .last().satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + other));
    }

    @Test
    void aPageInAnotherLanguageAsksForThatLanguage() {
        today(patientOf(clinic), "en");
        today(patientOf(clinic), "de");

        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(2)
                .last().satisfies(r -> assertThat(r.header("Accept-Language")).isEqualTo("de"));
    }

    @Test
    void anExerciseTheCatalogLeftOutIsNotAskedForAgainButANewOneIs() {
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION));
        today(patientOf(clinic), "en");
        today(patientOf(clinic), "en");

        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("slug=thoracic-wall-extension&slug=cat-cow"));
    }

    @Test
    void staffPagesAlwaysAskTheCatalog() {
        String chiropractor = TestIssuer.token("chiropractor", clinic);
        today(patientOf(clinic), "en");
        PatientStubs.stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", "[" + Fixtures.plan() + "]");
        given().auth().oauth2(chiropractor).when()
                .get("/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/handout").then().statusCode(200);

        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(2)
                .last().satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + chiropractor));
    }

    @Test
    void aTranslationDeletedThroughWebUiShowsOnThePatientsNextPage() {
        today(patientOf(clinic), "en");
        StubServices.answer("DELETE", "/api/exercises/cat-cow/translations/de", 204, "application/json", "");
        StubServices.json("GET", "/api/exercises/cat-cow", Fixtures.CAT_COW.replace("\"library\"", "\"clinic\""),
                Map.of("ETag", "\"2\""));
        StubServices.json("GET", "/api/exercises/cat-cow/translations", "[]");
        String staff = TestIssuer.token("clinic-admin", clinic);
        Pages.Form page = Pages.get(staff, "/admin/library/cat-cow/edit");
        given().auth().oauth2(staff).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post("/admin/library/cat-cow/translations/de/delete")
                .then().statusCode(303).header("Location", endsWith("/admin/library/cat-cow/edit#translations"));

        today(patientOf(clinic), "en");

        assertThat(StubServices.requests("GET", "/api/exercises")).hasSize(2);
    }

    private static String patientOf(String clinic) {
        return TestIssuer.token("patient", clinic);
    }

    private static String today(String token, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).when().get("/today").then()
                .statusCode(200).extract().asString();
    }

    /** The CSRF token and the check-off's idempotency key are new on every page; the user's name differs. */
    private static String withoutPerPageValues(String html) {
        return html.replaceAll("name=\"(csrf-token|idempotencyKey)\" value=\"[^\"]*\"", "")
                .replaceAll("\"X-CSRF-TOKEN\":\"[^\"]*\"", "").replaceAll("user-[0-9a-f]{8}", "");
    }
}
