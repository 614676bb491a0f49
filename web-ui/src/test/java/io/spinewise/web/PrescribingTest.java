package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.spinewise.web.PatientStubs.stubPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** Prescribing and editing a plan on the prescription form, with its preview ({@code Prescribing}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PrescribingTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aPrescriptionWithAnUnreadableStartDateIsShownAgainWithTheReason() {
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe?routine=");
        assertThat(page.response().asString()).contains("id=\"startDate\" type=\"date\" name=\"startDate\"",
                "placeholder=\"YYYY-MM-DD\"");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("action", "save")
                .formParam("item.exercise", "cat-cow").formParam("item.name", "Cat-cow").formParam("item.sets", "1")
                .formParam("item.kind", "reps").formParam("item.amount", "24").formParam("item.side", "BOTH")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "1").formParam("startDate", "next monday")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/prescribe")
                .then().statusCode(400)
                .body(containsString("“next monday” is not a date we can read. Type it as YYYY-MM-DD"));
        assertThat(StubServices.requests("POST", "/api/patients/" + Fixtures.PATIENT_ID + "/plans")).isEmpty();
    }

    @Test
    void theEmptyTemplateChoiceStartsWithNoExercisesAndNoChoiceStartsFromMidBackRelief() {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/routines/mid-back-relief", """
                {"slug":"mid-back-relief","name":"Mid-back relief","description":"Daily.",
                 "schedule":{"daysOfWeek":["MONDAY"],"sessionsPerDay":1},
                 "items":[{"position":1,"exercise":{"slug":"cat-cow","language":"en","name":"Cat-cow on all fours","category":"MOBILITY",
                   "position":"ALL_FOURS","summary":"Round up, then arch.","status":"PUBLISHED"},
                   "dosage":{"holdSeconds":null,"reps":{"min":10,"max":12},"sets":1,"sides":"BOTH"},"note":null}],
                 "status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}
                """);
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        String token = Users.chiropractor();

        assertThat(Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe?routine=").response().asString())
                .doesNotContain("class=\"item-row\"");
        assertThat(Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe").response().asString())
                .contains("class=\"item-row\"", "value=\"cat-cow\"");
    }

    private static final String ACTIVE_PLAN = """
            [{"id":"%s","patientId":"%s","title":"Mid-back relief","status":"%s","version":1,
              "schedule":{"daysOfWeek":["MONDAY","THURSDAY"],"sessionsPerDay":2,"startDate":"2026-11-02","endDate":null},
              "items":[{"exercise":"cat-cow","exerciseName":"Cat-cow on all fours","sets":2,"reps":24,"holdSeconds":null,
                        "side":"BOTH","note":"Slowly"},
                       {"exercise":"spinal-wedge","exerciseName":"Spinal wedge chest opener","sets":1,"reps":null,
                        "holdSeconds":60,"side":"BOTH","note":null}],
              "routine":{"slug":"mid-back-relief","name":"Mid-back relief"},
              "effectiveFrom":"2026-11-02","completedOn":null,"createdAt":"2026-11-02T10:00:00Z",
              "updatedAt":"2026-11-02T10:00:00Z"}]
            """;

    @Test
    void aPlanIsEditedOnThePrescriptionFormAndSavedAsAnEdit() {
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans",
                ACTIVE_PLAN.formatted(Fixtures.PLAN_ID, Fixtures.PATIENT_ID, "ACTIVE"));
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        StubServices.json("PATCH", "/api/plans/" + Fixtures.PLAN_ID, Fixtures.plan());
        String token = Users.chiropractor();
        String edit = "/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/edit";
        assertThat(Pages.get(token, "/patients/" + Fixtures.PATIENT_ID).response().asString()).contains("href=\"" + edit + "\"");

        Pages.Form page = Pages.get(token, edit);
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("action=\"" + edit + "\"", "Save changes",
                "value=\"cat-cow\"", "value=\"24\"", "value=\"60\"", "value=\"Slowly\"", "value=\"2026-11-02\"",
                "value=\"THURSDAY\" checked").doesNotContain("value=\"FRIDAY\" checked", "Load template");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("action", "save").formParam("title", "Mid-back relief")
                .formParam("item.exercise", "cat-cow").formParam("item.name", "Cat-cow on all fours").formParam("item.hint", "")
                .formParam("item.sets", "3").formParam("item.kind", "reps").formParam("item.amount", "30")
                .formParam("item.side", "BOTH").formParam("item.note", "Slowly")
                .formParam("days", "MONDAY").formParam("days", "THURSDAY")
                .formParam("sessionsPerDay", "2").formParam("startDate", "2026-11-02").formParam("endDate", "")
                .when().post(edit)
                .then().statusCode(303).header("Location", endsWith("/patients/" + Fixtures.PATIENT_ID));
        assertThat(StubServices.requests("PATCH", "/api/plans/" + Fixtures.PLAN_ID)).singleElement().satisfies(r -> {
            JsonPath json = JsonPath.from(r.body());
            assertThat(json.getMap("$")).doesNotContainKeys("status", "routine");
            assertThat(json.getString("title")).isEqualTo("Mid-back relief");
            assertThat(json.getList("items.exercise")).containsExactly("cat-cow");
            assertThat(json.getInt("items[0].sets")).isEqualTo(3);
            assertThat(json.getInt("items[0].reps")).isEqualTo(30);
            assertThat(json.getList("schedule.daysOfWeek")).containsExactlyInAnyOrder("MONDAY", "THURSDAY");
            assertThat(json.getString("schedule.startDate")).isEqualTo("2026-11-02");
        });
    }

    @Test
    void aCompletedPlanCannotBeEdited() {
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans",
                ACTIVE_PLAN.formatted(Fixtures.PLAN_ID, Fixtures.PATIENT_ID, "COMPLETED"));
        given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "/plans/" + Fixtures.PLAN_ID + "/edit")
                .then().statusCode(404);
        assertThat(Pages.get(Users.chiropractor(), "/patients/" + Fixtures.PATIENT_ID).response().asString())
                .doesNotContain("/plans/" + Fixtures.PLAN_ID + "/edit");
    }

    @Test
    void plansServiceRefusalOfTheStartDateIsShownByTheStartField() {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.answer("POST", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"schedule.startDate: may be at most 7 days in the past",
                 "violations":[{"field":"schedule.startDate","message":"may be at most 7 days in the past"}]}
                """);
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe?routine=");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("action", "save")
                .formParam("item.exercise", "cat-cow").formParam("item.name", "Cat-cow").formParam("item.hint", "")
                .formParam("item.sets", "1").formParam("item.kind", "reps").formParam("item.amount", "30")
                .formParam("item.side", "BOTH").formParam("item.note", "")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "1").formParam("startDate", "2026-01-05")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/prescribe")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("value=\"2026-01-05\"", "aria-invalid=\"true\" aria-describedby=\"startDate-error\"",
                "<small id=\"startDate-error\" class=\"field-error\">may be at most 7 days in the past</small>");
    }

    @Test
    void prescribingFromMidBackReliefSendsTheAdjustedItems() {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.json("POST", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", 201, Fixtures.plan());
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
    void theLibrarySearchShowsEachExercisesStartPictureWithItsTextAlternative() {
        StubServices.json("GET", "/api/exercises", Fixtures.exercisesBySlug(Fixtures.WALL_EXTENSION, Fixtures.CAT_COW));

        given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "/prescribe/library?q=thoracic")
                .then().statusCode(200)
                .body(containsString("<img class=\"thumb\" src=\"/img/exercises/cat-cow-start.svg?v="))
                .body(containsString("alt=\"Facing the wall, forearms on it.\""))
                .body(not(containsString("cat-cow-end.svg")));
    }

    @Test
    void thePreviewAsksTheLibraryOnceAndStillShowsThePrescriptionWhenItIsDown() {
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/exercises", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID + "/prescribe?routine=");
        StubServices.reset();
        StubServices.problem("GET", "/api/exercises", 503, "catalog database gone");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("action", "preview")
                .formParam("item.exercise", "cat-cow").formParam("item.name", "Cat-cow").formParam("item.sets", "1")
                .formParam("item.kind", "reps").formParam("item.amount", "24").formParam("item.side", "BOTH")
                .formParam("item.exercise", "thoracic-wall-extension").formParam("item.name", "Wall extension")
                .formParam("item.sets", "2").formParam("item.kind", "hold").formParam("item.amount", "30")
                .formParam("item.side", "BOTH")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "1").formParam("startDate", "2026-11-23")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/prescribe")
                .then().statusCode(200)
                .body(containsString("1 × 24 reps"))
                .body(containsString("2 × 30 s hold"))
                .body(not(containsString("catalog database gone")));

        assertThat(StubServices.requests("GET", "/api/exercises")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("slug=cat-cow&slug=thoracic-wall-extension"));
    }
}
