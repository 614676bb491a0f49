package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** "Questionnaires" on the patient's Progress page: their own scores and plan-service's verdict in words. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class QuestionnaireScoresTest {

    static final String NPRS_OUTCOME = """
            [{"instrument":"NPRS","title":"Numeric Pain Rating Scale (0–10)","direction":"HIGHER_IS_WORSE",
              "minScore":0,"maxScore":10,"mcid":2,"mcidSource":"Childs 2005",
              "changeRule":"A change of at least 2 points is better or worse; less is within the MCID.",
              "scores":[{"dueDate":"2026-11-02","answeredAt":"2026-11-02T08:00:00Z","late":false,"score":7},
                        {"dueDate":"2026-11-16","answeredAt":"2026-11-17T08:00:00Z","late":true,"score":4.5}],
              "baseline":7,"latest":4.5,"change":-2.5,"verdict":"BETTER",
              "verdictWords":"Better by at least the minimal clinically important difference (2 points).",
              "missed":[],"late":1}]""";

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me/calendar-feed", "{\"on\":false,\"startsAt\":\"18:00\",\"since\":null}");
        StubServices.json("GET", "/api/me", Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient",
                "paul@example.org", "Europe/Zurich"));
    }

    @AfterEach
    void contract() {
        StubServices.assertContractKept();
    }

    @Test
    void progressListsEachScoreAndTheVerdictInWords() {
        StubServices.json("GET", "/api/me/outcomes", NPRS_OUTCOME);

        String html = given().auth().oauth2(Users.patient()).header("Accept-Language", "de").when().get("/progress")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<h2 id=\"outcomes-title\">Fragebögen</h2>", "Numeric Pain Rating Scale (0–10)",
                ": 7", ": 4,5", "Better by at least the minimal clinically important difference (2 points).",
                "A change of at least 2 points is better or worse");
    }

    @Test
    void whenPlanServiceCannotGiveTheScoresTheSectionSaysSoAndTheRestShows() {
        StubServices.problem("GET", "/api/me/outcomes", 503, "plan-service is restarting");

        String html = given().auth().oauth2(Users.patient()).when().get("/progress").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("Your questionnaire scores cannot be shown right now.", "Calendar subscription");
    }
}
