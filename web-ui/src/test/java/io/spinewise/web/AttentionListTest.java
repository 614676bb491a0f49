package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** "Needs attention today" ({@code AttentionList}), the chiropractor's start page, against the stub services. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class AttentionListTest {

    private static final String ACKNOWLEDGE = "/api/patients/" + Fixtures.PATIENT_ID + "/attention-acknowledgements";

    @BeforeEach
    void clean() {
        StubServices.reset();
        StubServices.json("GET", "/api/attention", attention("Paul <b>Patient</b>"));
    }

    @Test
    void theChiropractorStartsHereAndSeesEachPatientsReasonsInWordsWithAFormPerReason() {
        given().auth().oauth2(Users.chiropractor()).redirects().follow(false).when().get("/")
                .then().statusCode(303).header("Location", containsString("/attention"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/attention")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Needs attention today", "Paul &lt;b&gt;Patient&lt;/b&gt;",
                        "href=\"/patients/" + Fixtures.PATIENT_ID + "\"",
                        "Pain up 3 points against their baseline (3 at the start, 6 lately; clinic&#39;s rise: 2)",
                        "No session for 9 days (clinic&#39;s limit: 5 days)",
                        "action=\"/attention/" + Fixtures.PATIENT_ID + "/acknowledge\"",
                        "name=\"reason\" value=\"PAIN_UP\"", "name=\"reason\" value=\"INACTIVE\"",
                        "Acknowledged lately:", "(“left a message”)", "How the list is made")
                .doesNotContain("<b>Patient</b>");
        assertThat(StubServices.requests("GET", "/api/attention")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).startsWith("Bearer "));
    }

    @Test
    void acknowledgingSendsTheReasonAndNoteThenShowsTheListAgain() {
        StubServices.answer("POST", ACKNOWLEDGE, 201, "application/json", """
                {"code":"PAIN_UP","by":"Dr Chiro","at":"2026-11-29T09:00:00Z","until":"2026-12-06T09:00:00Z",
                 "note":"called"}""");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/attention");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("reason", "PAIN_UP").formParam("note", " called ")
                .when().post("/attention/" + Fixtures.PATIENT_ID + "/acknowledge")
                .then().statusCode(303).header("Location", containsString("/attention?done=1"));
        assertThat(StubServices.requests("POST", ACKNOWLEDGE)).singleElement().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getMap("$")).isEqualTo(Map.of("reason", "PAIN_UP", "note", "called")));
        given().auth().oauth2(token).when().get("/attention?done=1").then().statusCode(200)
                .body(containsString("Acknowledged. The reason stays off the list for 7 days"));
    }

    @Test
    void aReasonNoLongerOpenIsRefusedInWordsAndAFormWithoutItsTokenNeverReachesPlanService() {
        StubServices.problem("POST", ACKNOWLEDGE, 409,
                "This patient does not need attention for INACTIVE now; nothing to acknowledge.");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/attention");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("reason", "INACTIVE")
                .when().post("/attention/" + Fixtures.PATIENT_ID + "/acknowledge")
                .then().statusCode(409).body(containsString("does not need attention for INACTIVE now"))
                .body(containsString("role=\"alert\""));
        given().auth().oauth2(token).contentType("application/x-www-form-urlencoded").formParam("reason", "INACTIVE")
                .when().post("/attention/" + Fixtures.PATIENT_ID + "/acknowledge").then().statusCode(400);
        assertThat(StubServices.requests("POST", ACKNOWLEDGE)).hasSize(1);
    }

    @Test
    void onlyChiropractorsSeeTheList() {
        given().auth().oauth2(Users.patient()).when().get("/attention").then().statusCode(403);
        given().auth().oauth2(Users.admin()).when().get("/attention").then().statusCode(403);
        assertThat(StubServices.requests("GET", "/api/attention")).isEmpty();
    }

    private static String attention(String name) {
        return """
                {"items":[{"patientId":"%s","name":"%s","lastSession":"2026-11-20",
                  "reasons":[{"code":"PAIN_UP","text":"Pain up 3 points against their baseline (3 at the start, 6 lately; clinic's rise: 2)"},
                             {"code":"INACTIVE","text":"No session for 9 days (clinic's limit: 5 days)"}],
                  "acknowledged":[{"code":"LOW_ADHERENCE","by":"Dr Chiro","at":"2026-11-27T10:00:00Z",
                                   "until":"2026-12-04T10:00:00Z","note":"left a message"}]}],
                 "page":0,"size":50,"total":1}
                """.formatted(Fixtures.PATIENT_ID, name);
    }
}
