package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/** The administrator's erasure page against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientErasurePageTest {

    private static final String ERASURE = "/api/patients/" + Fixtures.PATIENT_ID + "/erasure";

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void theAdministratorFindsThePatientAndReadsWhatIsRemovedAndKeptBeforeErasing() {
        StubServices.json("GET", "/api/patients", patients("Paul", "Novak", "paul@north.example", "null", "null"));

        String html = Pages.get(Users.admin(), "/admin/erasure?find=paul").response().then().statusCode(200).extract()
                .asString();

        assertThat(html).contains("What is removed", "What is kept, without identity", "Paul Novak",
                "paul@north.example", "Erase Paul Novak…", "action=\"/admin/erasure/" + Fixtures.PATIENT_ID + "\"",
                "I understand that Paul Novak's login and identity are removed for good.");
        assertThat(StubServices.requests("GET", "/api/patients")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=paul&page=0&size=10"));
        assertThat(StubServices.requests("POST", ERASURE)).isEmpty();
    }

    @Test
    void withoutTheTickNothingIsErased() {
        StubServices.json("GET", "/api/patients", patients("Paul", "Novak", "paul@north.example", "null", "null"));
        Pages.Form page = Pages.get(Users.admin(), "/admin/erasure?find=paul");

        String html = post(page).formParam("find", "paul").when().post("/admin/erasure/" + Fixtures.PATIENT_ID)
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("Nothing was erased.", "Tick the box to confirm", "aria-invalid=\"true\"");
        assertThat(StubServices.requests("POST", ERASURE)).isEmpty();
    }

    @Test
    void aConfirmedErasureIsSentAndTheListSaysErasedPatient() {
        StubServices.json("GET", "/api/patients", patients("Paul", "Novak", "paul@north.example", "null", "null"));
        StubServices.json("POST", ERASURE, patient("Erased", "patient", null, "\"2026-11-29T10:00:00Z\"",
                "\"2026-11-29T10:00:01Z\""));
        Pages.Form page = Pages.get(Users.admin(), "/admin/erasure?find=paul");

        post(page).formParam("find", "paul").formParam("confirm", "yes")
                .when().post("/admin/erasure/" + Fixtures.PATIENT_ID)
                .then().statusCode(303).header("Location", endsWith("/admin/erasure?done=erased"));

        assertThat(StubServices.requests("POST", ERASURE)).hasSize(1);
        StubServices.json("GET", "/api/patients", patients("Erased", "patient", null, "\"2026-11-29T10:00:00Z\"",
                "\"2026-11-29T10:00:01Z\""));
        String html = Pages.get(Users.admin(), "/admin/erasure?done=erased&find=erased").response().then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("Erased. The patient&#39;s login is removed", "Erased patient", "Erased Sun 29 Nov 2026")
                .doesNotContain("Erase Erased patient…");
    }

    @Test
    void aLoginThatCouldNotBeRemovedIsSaidAndThePatientCanBeFinished() {
        String pending = patients("Paul", "Novak", "paul@north.example", "\"2026-11-29T10:00:00Z\"", "null");
        StubServices.json("GET", "/api/patients", pending);
        StubServices.problem("POST", ERASURE, 503, "The patient's login could not be removed: the login directory is"
                + " not reachable. The patient is marked for erasure and can no longer sign in to Spinewise; erase again"
                + " later to finish.");
        Pages.Form page = Pages.get(Users.admin(), "/admin/erasure?find=paul");

        String html = post(page).formParam("find", "paul").formParam("confirm", "yes")
                .when().post("/admin/erasure/" + Fixtures.PATIENT_ID).then().statusCode(503).extract().asString();

        assertThat(html).contains("erase again later to finish", "Finish erasing Paul Novak",
                "the login could not be removed");
    }

    @Test
    void aChiropractorCannotOpenTheErasurePage() {
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/erasure").then().statusCode(403);
        given().auth().oauth2(TestIssuer.token("patient", Users.CLINIC)).when().get("/admin/erasure")
                .then().statusCode(403);
    }

    private static RequestSpecification post(Pages.Form page) {
        return given().auth().oauth2(Users.admin()).cookie("csrf-token", page.csrfCookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken());
    }

    private static String patients(String first, String last, String email, String requested, String erased) {
        return "{\"items\":[" + patient(first, last, email, requested, erased) + "],\"page\":0,\"size\":10,\"total\":1}";
    }

    private static String patient(String first, String last, String email, String requested, String erased) {
        return """
                {"id":"%s","firstName":"%s","lastName":"%s","name":"%s %s","email":%s,"username":%s,
                 "timeZone":"Europe/Berlin","language":null,"createdAt":"2026-11-01T09:00:00Z",
                 "erasureRequestedAt":%s,"erasedAt":%s}
                """.formatted(Fixtures.PATIENT_ID, first, last, first, last, email == null ? "null" : "\"" + email + "\"",
                email == null ? "null" : "\"" + email + "\"", requested, erased);
    }
}
