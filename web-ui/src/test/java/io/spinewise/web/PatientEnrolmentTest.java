package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Enrolling a patient: the one-time login and plan-service's refusals by field ({@code PatientEnrolment}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientEnrolmentTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void enrolmentShowsTheOneTimePasswordOnceAndNeverCaches() {
        StubServices.json("POST", "/api/patients", 201, """
                {"patient":{"id":"%s","firstName":"Petra","lastName":"Test","name":"Petra Test","email":"petra@example.org",
                 "username":"petra@example.org","timeZone":"Europe/Zurich","language":null,"createdAt":"2026-11-23T08:00:00Z",
                 "erasureRequestedAt":null,"erasedAt":null},
                 "login":{"username":"petra@example.org","temporaryPassword":"Xk4-tmp-91","instructions":"Change it at first sign-in."}}
                """.formatted(Fixtures.PATIENT_ID));
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/new");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("firstName", "Petra").formParam("lastName", "Test")
                .formParam("email", "petra@example.org").formParam("timeZone", "Europe/Zurich")
                .when().post("/patients")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("Xk4-tmp-91"))
                .body(containsString("shown only now"));
        assertThat(StubServices.requests("POST", "/api/patients")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"email\":\"petra@example.org\""));
    }

    /** Posts the enrolment form with a name and an email, as a browser would. */
    private static ValidatableResponse enrol(String lastName, String email) {
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/new");
        return given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("firstName", "Petra").formParam("lastName", lastName)
                .formParam("email", email).formParam("timeZone", "Europe/Zurich")
                .when().post("/patients").then();
    }

    @Test
    void aNameTheLoginDirectoryRefusesIsShownByItsField() {
        StubServices.answer("POST", "/api/patients", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"The login directory refused the patient's details: lastName contains a character it does not accept.",
                 "violations":[{"field":"lastName","message":"contains a character the login directory does not accept"}]}
                """);
        String html = enrol("Test (Jones)", "petra@example.org").statusCode(400).extract().asString();
        assertThat(html).contains("aria-invalid=\"true\" aria-describedby=\"lastName-error\"",
                "<small id=\"lastName-error\" class=\"field-error\">contains a character the login directory does not accept</small>",
                "value=\"Test (Jones)\"");
    }

    /** Whatever plan-service's 409 says, the page says neither that an account exists nor whose it is. */
    @Test
    void aTakenEmailIsShownByTheEmailFieldInNeutralWords() {
        StubServices.problem("POST", "/api/patients", 409, "An account with this email address already exists.");
        String html = enrol("Test", "taken@example.org").statusCode(409).extract().asString();
        assertThat(html).contains("aria-describedby=\"email-error\"",
                "<small id=\"email-error\" class=\"field-error\">This email address cannot be used for a new login.")
                .doesNotContain("already exists", "account with");
    }

    @Test
    void theLoginDirectoryBeingDownKeepsTheFormAndSaysToTryAgain() {
        StubServices.answer("POST", "/api/patients", 503, "application/problem+json", """
                {"type":"urn:spinewise:problem:dependency-unavailable","title":"Service unavailable","status":503,
                 "detail":"The patient could not be enrolled: the login directory is not reachable. Nothing was saved; try again later."}
                """);
        String html = enrol("Test", "petra@example.org").statusCode(503).extract().asString();
        assertThat(html).contains("the login directory is not reachable. Nothing was saved; try again later.",
                "value=\"petra@example.org\"", "Enrol patient");
    }
}
