package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The chiropractor's pages against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ChiropractorPagesTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aNameContainingScriptIsShownAsText() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("<script>alert('x')</script> Paul"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Paul")
                .doesNotContain("<script>alert");
    }

    @Test
    void patientsListShowsAdherencePainTrendAndFlags() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("Paul Patient"));

        given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200)
                .body(containsString("71 %"))
                .body(containsString("80 %"))
                .body(containsString("−1.5 (better)"))
                .body(containsString("class=\"flag\">Pain<"));
    }

    @Test
    void enrolmentShowsTheOneTimePasswordOnceAndNeverCaches() {
        StubServices.json("POST", "/api/patients", 201, """
                {"patient":{"id":"%s","firstName":"Petra","lastName":"Test","name":"Petra Test","email":"petra@example.org",
                 "username":"petra@example.org","timeZone":"Europe/Zurich"},
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

    @Test
    void prescribingFromMidBackReliefSendsTheAdjustedItems() {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID, """
                {"id":"%s","name":"Paul Patient","email":"paul@example.org","timeZone":"Europe/Zurich"}
                """.formatted(Fixtures.PATIENT_ID));
        StubServices.json("POST", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", 201, "{\"id\":\"" + Fixtures.PLAN_ID + "\"}");
        String token = Users.chiropractor();
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe?routine=");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("routine", "mid-back-relief").formParam("action", "save")
                .formParam("item.exercise", "cat-cow").formParam("item.name", "Cat-cow").formParam("item.hint", "")
                .formParam("item.sets", "2").formParam("item.kind", "reps").formParam("item.amount", "30")
                .formParam("item.side", "BOTH").formParam("item.note", "Slowly")
                .formParam("days", "MONDAY").formParam("days", "THURSDAY")
                .formParam("sessionsPerDay", "1").formParam("startDate", "2026-11-23").formParam("endDate", "")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/prescribe")
                .then().statusCode(303);

        assertThat(StubServices.requests("POST", "/api/patients/" + Fixtures.PATIENT_ID + "/plans")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"routine\":\"mid-back-relief\"",
                        "{\"exercise\":\"cat-cow\",\"sets\":2,\"reps\":30,\"side\":\"BOTH\",\"note\":\"Slowly\"}",
                        "\"startDate\":\"2026-11-23\"", "MONDAY", "THURSDAY").doesNotContain("holdSeconds"));
    }

    @Test
    void aChiropractorIsRefusedThePatientsOwnPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/today").then().statusCode(403)
                .body(not(containsString("Exception")));
    }
}
