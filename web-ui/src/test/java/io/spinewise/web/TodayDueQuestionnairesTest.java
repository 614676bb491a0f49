package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's due questionnaires kept a moment per patient (client/DueQuestionnairesKept, on here as in production):
 * the same patient's next view does not ask plan-service again, another patient is asked for with their own
 * token and never sees the first one's list, an answered questionnaire leaves Today at once, and the
 * answering page always asks.
 */
@QuarkusTest
@TestProfile(TodayDueQuestionnairesTest.KeptHalfAMinute.class)
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class TodayDueQuestionnairesTest {

    /** The production default, which the other page tests turn off. */
    public static class KeptHalfAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.web.due-questionnaires-kept", "30S");
        }
    }

    private static final String DUE = "/api/me/assessments/due";
    private static final String NPRS_LINK = "/today/questionnaires/" + QuestionnaireAnsweringTest.NPRS_ID;

    private String paul;

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        StubServices.json("GET", DUE, "[" + QuestionnaireAnsweringTest.NPRS + "]");
        // each test its own patient: what one test kept must not answer another's first page
        paul = patient();
    }

    @Test
    void theSamePatientsNextViewDoesNotAskPlanServiceAgain() {
        String first = today(paul);
        String second = today(paul);

        assertThat(StubServices.requests("GET", DUE)).hasSize(1);
        assertThat(first).contains(NPRS_LINK);
        assertThat(second).contains(NPRS_LINK);
    }

    @Test
    void anotherPatientIsAskedForWithTheirOwnTokenAndNeverSeesTheFirstPatientsList() {
        today(paul);
        StubServices.json("GET", DUE, "[]");
        String petra = patient();

        String hers = today(petra);

        assertThat(StubServices.requests("GET", DUE)).hasSize(2)
                .last().satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + petra));
        assertThat(hers).doesNotContain(NPRS_LINK, "Questionnaire due");
    }

    @Test
    void anAnsweredQuestionnaireLeavesTodayAtOnce() {
        assertThat(today(paul)).contains(NPRS_LINK);
        StubServices.json("POST", "/api/me/assessments/" + QuestionnaireAnsweringTest.NPRS_ID + "/responses", 201,
                QuestionnaireAnsweringTest.SAVED);
        Pages.Form page = Pages.get(paul, NPRS_LINK);
        StubServices.json("GET", DUE, "[]");
        given().auth().oauth2(paul).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("dueDate", "2026-11-23").formParam("idempotencyKey", page.hidden("idempotencyKey"))
                .formParam("item", "pain").formParam("answers.pain", "7")
                .when().post(NPRS_LINK).then().statusCode(303);

        String after = given().auth().oauth2(paul).when().get("/today?saved=questionnaire").then().statusCode(200)
                .extract().asString();

        assertThat(after).contains("Thank you, saved.").doesNotContain(NPRS_LINK);
    }

    @Test
    void theAnsweringPageFindsAQuestionnaireAssignedAfterTodayWasKept() {
        StubServices.json("GET", DUE, "[]");
        assertThat(today(paul)).doesNotContain(NPRS_LINK);
        StubServices.json("GET", DUE, "[" + QuestionnaireAnsweringTest.NPRS + "]");

        given().auth().oauth2(paul).when().get(NPRS_LINK).then().statusCode(200);
    }

    private static String patient() {
        return TestIssuer.token(UUID.randomUUID().toString(), "patient", Users.CLINIC);
    }

    private static String today(String token) {
        return given().auth().oauth2(token).when().get("/today").then().statusCode(200).extract().asString();
    }
}
