package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A due questionnaire answered on the phone: listed on Today, its page with every item, the answers posted to
 * plan-service with the page's Idempotency-Key, refusals shown by the item, thanks back on Today; the scores on
 * Progress. Services are the stub ({@link StubServices}).
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class QuestionnaireAnsweringTest {

    static final String NPRS_ID = "6f1c2d3e-0000-4000-8000-000000000001";
    static final String PSFS_ID = "6f1c2d3e-0000-4000-8000-000000000002";

    static final String NPRS = """
            {"assignmentId":"%s","instrument":"NPRS","title":"Numeric Pain Rating Scale (0–10)",
             "dueDate":"2026-11-23","late":false,"language":"en",
             "instructions":"Choose the number that best describes your pain over the last 24 hours.",
             "items":[{"id":"pain","text":"Your pain over the last 24 hours","activityNamed":false,
               "options":[{"value":0,"label":"No pain"},{"value":1,"label":null},{"value":2,"label":null},
                 {"value":3,"label":null},{"value":4,"label":null},{"value":5,"label":null},{"value":6,"label":null},
                 {"value":7,"label":null},{"value":8,"label":null},{"value":9,"label":null},
                 {"value":10,"label":"Worst pain imaginable"}]}],
             "previousActivities":[]}""".formatted(NPRS_ID);

    static String psfs(String... previous) {
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= 5; n++) {
            items.append(n > 1 ? "," : "").append("{\"id\":\"activity-").append(n)
                    .append("\",\"text\":null,\"activityNamed\":true,\"options\":[{\"value\":0,\"label\":\"Unable\"},")
                    .append("{\"value\":5,\"label\":null},{\"value\":10,\"label\":\"Able as before\"}]}");
        }
        String named = String.join("\",\"", previous);
        return """
                {"assignmentId":"%s","instrument":"PSFS","title":"Patient-Specific Functional Scale",
                 "dueDate":"2026-11-23","late":true,"language":"en","instructions":"Name up to five activities.",
                 "items":[%s],"previousActivities":[%s]}""".formatted(PSFS_ID, items,
                previous.length == 0 ? "" : "\"" + named + "\"");
    }

    static final String SAVED = """
            {"id":"6f1c2d3e-0000-4000-8000-0000000000aa","assignmentId":"%s","instrument":"NPRS",
             "dueDate":"2026-11-23","answeredAt":"2026-11-23T08:00:00Z","late":false,"score":7}""".formatted(NPRS_ID);

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/today", Fixtures.today(false));
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));
        StubServices.json("GET", "/api/me/assessments/due", "[" + NPRS + "," + psfs("Lifting my child") + "]");
    }

    @AfterEach
    void contract() {
        StubServices.assertContractKept();
    }

    @Test
    void todayListsTheDueQuestionnairesEachWithALinkToItsPage() {
        String html = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(html).contains("Questionnaire due", "href=\"/today/questionnaires/" + NPRS_ID + "\"",
                "href=\"/today/questionnaires/" + PSFS_ID + "\"", "Numeric Pain Rating Scale (0–10)");
    }

    @Test
    void nothingDueOrPlanServiceUnableToSayShowsNoSection() {
        StubServices.json("GET", "/api/me/assessments/due", "[]");
        String none = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();
        StubServices.problem("GET", "/api/me/assessments/due", 503, "plan-service is restarting");
        String down = given().auth().oauth2(Users.patient()).when().get("/today").then().statusCode(200)
                .extract().asString();

        assertThat(none).doesNotContain("Questionnaire due", "/today/questionnaires/").contains("Thoracic extension");
        assertThat(down).doesNotContain("Questionnaire due").contains("Thoracic extension");
    }

    @Test
    void thePageShowsEveryItemItsAnswersAndLastTimesActivitiesAndSaysTheTextsAreEnglish() {
        String html = given().auth().oauth2(Users.patient()).header("Accept-Language", "de")
                .when().get("/today/questionnaires/" + PSFS_ID).then().statusCode(200).extract().asString();

        assertThat(html).contains("<html lang=\"de\"", "Dieser Fragebogen ist auf Englisch.", "Tätigkeit 1",
                "Tätigkeit 5", "name=\"answers.activity-1.activity\"", "value=\"Lifting my child\"",
                "name=\"answers.activity-2.activity\" type=\"text\" maxlength=\"120\" value=\"\"",
                "name=\"answers.activity-5\" value=\"10\"", "0 = Unable, 10 = Able as before",
                "name=\"idempotencyKey\"", "name=\"dueDate\" value=\"2026-11-23\"");
        String english = given().auth().oauth2(Users.patient()).when().get("/today/questionnaires/" + NPRS_ID)
                .then().statusCode(200).extract().asString();
        assertThat(english).contains("Your pain over the last 24 hours", "0 = No pain, 10 = Worst pain imaginable")
                .doesNotContain("This questionnaire is in English");
    }

    @Test
    void aQuestionnaireNotDueIsNotFound() {
        given().auth().oauth2(Users.patient()).when().get("/today/questionnaires/" + Fixtures.PLAN_ID)
                .then().statusCode(404);
    }

    @Test
    void theAnswersGoToPlanServiceWithThePagesKeyAndTodaySaysThankYou() {
        StubServices.json("POST", "/api/me/assessments/" + NPRS_ID + "/responses", 201, SAVED);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + NPRS_ID);
        String key = page.hidden("idempotencyKey");

        Response answer = post(token, page, NPRS_ID, Map.of("item", List.of("pain"), "answers.pain", List.of("7")));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/today?saved=questionnaire");
        assertThat(StubServices.requests("POST", "/api/me/assessments/" + NPRS_ID + "/responses"))
                .singleElement().satisfies(post -> {
                    assertThat(key).isNotBlank();
                    assertThat(post.header("Idempotency-Key")).isEqualTo(key);
                    assertThat(post.header("Authorization")).isEqualTo("Bearer " + token);
                    assertThat(post.body()).isEqualTo(
                            "{\"dueDate\":\"2026-11-23\",\"answers\":[{\"item\":\"pain\",\"value\":7}]}");
                });
        String today = given().auth().oauth2(token).when().get("/today?saved=questionnaire").then().statusCode(200)
                .extract().asString();
        assertThat(today).contains("Thank you, saved.");
    }

    @Test
    void aDoubleSubmitSendsTheSameKeyTwiceSoPlanServiceCountsItOnce() {
        StubServices.answer("POST", "/api/me/assessments/" + NPRS_ID + "/responses", 201, "application/json", SAVED,
                Map.of("Idempotent-Replayed", "true"));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + NPRS_ID);
        Map<String, List<String>> fields = Map.of("item", List.of("pain"), "answers.pain", List.of("4"));

        assertThat(post(token, page, NPRS_ID, fields).statusCode()).isEqualTo(303);
        assertThat(post(token, page, NPRS_ID, fields).statusCode()).isEqualTo(303);

        assertThat(StubServices.requests("POST", "/api/me/assessments/" + NPRS_ID + "/responses"))
                .hasSize(2).extracting(r -> r.header("Idempotency-Key")).containsOnly(page.hidden("idempotencyKey"));
    }

    @Test
    void onlyNamedActivitiesAreSentEachWithItsRating() {
        StubServices.json("POST", "/api/me/assessments/" + PSFS_ID + "/responses", 201,
                SAVED.replace(NPRS_ID, PSFS_ID).replace("NPRS", "PSFS"));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + PSFS_ID);

        Response answer = post(token, page, PSFS_ID, Map.of("item", activities(), "named", activities(),
                "answers.activity-1.activity", List.of("Lifting my child"), "answers.activity-1", List.of("5"),
                "answers.activity-3.activity", List.of("Gardening"), "answers.activity-3", List.of("10")));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(StubServices.requests("POST", "/api/me/assessments/" + PSFS_ID + "/responses"))
                .singleElement().satisfies(post -> assertThat(post.body()).isEqualTo("{\"dueDate\":\"2026-11-23\","
                        + "\"answers\":[{\"item\":\"activity-1\",\"value\":5,\"activity\":\"Lifting my child\"},"
                        + "{\"item\":\"activity-3\",\"value\":10,\"activity\":\"Gardening\"}]}"));
    }

    @Test
    void aMissingAnswerOrUnnamedActivityIsShownByItsItemAndNothingIsSent() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + PSFS_ID);

        Response answer = post(token, page, PSFS_ID, Map.of("item", activities(), "named", activities(),
                "answers.activity-1.activity", List.of(""), "answers.activity-1", List.of("5"),
                "answers.activity-2.activity", List.of("Driving")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("id=\"answers.activity-1.activity-error\"", "Name the activity you rate.",
                "id=\"answers.activity-2-error\"", "Rate this activity from 0 to 10.", "value=\"Driving\"",
                "name=\"idempotencyKey\" value=\"" + page.hidden("idempotencyKey") + "\"");
        assertThat(StubServices.requests("POST", "/api/me/assessments/" + PSFS_ID + "/responses")).isEmpty();
    }

    @Test
    void planServicesRefusalIsShownByTheItemItNamesAndTheFormKeepsItsKey() {
        StubServices.answer("POST", "/api/me/assessments/" + NPRS_ID + "/responses", 400, "application/problem+json",
                """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"answers.pain must be one of the item's options.",
                 "violations":[{"field":"answers.pain","message":"must be one of the item's options"}]}
                """);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + NPRS_ID);

        Response answer = post(token, page, NPRS_ID, Map.of("item", List.of("pain"), "answers.pain", List.of("11")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).contains("id=\"answers.pain-error\"", "must be one of the item&#39;s options",
                "aria-invalid=\"true\"", "name=\"idempotencyKey\" value=\"" + page.hidden("idempotencyKey") + "\"");
    }

    @Test
    void anOccasionAnsweredAlreadySaysSoInWords() {
        StubServices.problem("POST", "/api/me/assessments/" + NPRS_ID + "/responses", 409, "already answered");
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/today/questionnaires/" + NPRS_ID);

        Response answer = post(token, page, NPRS_ID, Map.of("item", List.of("pain"), "answers.pain", List.of("3")));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.asString()).contains("already been answered");
    }

    @Test
    void aScriptInAnActivityNameIsShownAsText() {
        StubServices.json("GET", "/api/me/assessments/due", "[" + psfs("<script>alert(1)</script>") + "]");

        String html = given().auth().oauth2(Users.patient()).when().get("/today/questionnaires/" + PSFS_ID)
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>alert");
    }

    @Test
    void aChiropractorGetsTheNotAllowedPage() {
        String token = Users.chiropractor();
        given().auth().oauth2(token).when().get("/today/questionnaires/" + NPRS_ID).then().statusCode(403);
        Pages.Form page = Pages.get(Users.patient(), "/today/questionnaires/" + NPRS_ID);
        assertThat(post(token, page, NPRS_ID, Map.of("item", List.of("pain"), "answers.pain", List.of("3")))
                .statusCode()).isEqualTo(403);
        assertThat(StubServices.requests("POST", "/api/me/assessments/" + NPRS_ID + "/responses")).isEmpty();
    }

    private static List<String> activities() {
        return List.of("activity-1", "activity-2", "activity-3", "activity-4", "activity-5");
    }

    private static Response post(String token, Pages.Form page, String assignmentId, Map<String, List<String>> fields) {
        var request = given().auth().oauth2(token).redirects().follow(false)
                .cookie("csrf-token", page.csrfCookie()).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("dueDate", "2026-11-23").formParam("idempotencyKey", page.hidden("idempotencyKey"));
        fields.forEach((name, values) -> request.formParam(name, values.toArray()));
        return request.when().post("/today/questionnaires/" + assignmentId);
    }
}
