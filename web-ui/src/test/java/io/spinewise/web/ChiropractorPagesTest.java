package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
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

    // --- paging through a large clinic ---

    @Test
    void theSecondPageIsAskedFromPlanServiceAndItsLinksKeepSearchAndSort() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(1, 1234, "Anna Adler", "Bert Brown"));

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients?q=er&sort=adh7&dir=desc&page=2")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=er&page=1&size=50"));
        assertThat(html).contains("Rows 51–52 of 1,234", "Page 2 of 25",
                "<nav class=\"pager\" aria-label=\"Pages of the patients list\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=1\" rel=\"prev\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=3\" rel=\"next\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=2\" aria-current=\"page\"",
                "href=\"/patients?q=er&amp;sort=adh7&amp;dir=desc&amp;page=25\"",
                // a sort link stays on the page shown
                "/patients?q=er&amp;sort=streak&amp;dir=desc&amp;page=2");
        assertThat(html).doesNotContain("page=10\"").containsOnlyOnce("aria-current=\"page\"><span");
    }

    @Test
    void theFirstPageHasNoPreviousLinkAndTheDefaultsAreForwarded() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(0, 120, "Anna Adler"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("page=0&size=50"));
        assertThat(html).contains("Page 1 of 3", "href=\"/patients?sort=flags&amp;dir=asc&amp;page=2\" rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
    }

    @Test
    void aSinglePageNeedsNoPageLinks() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboard("Paul Patient"));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Rows 1–1 of 1").doesNotContain("class=\"pager\"");
    }

    @Test
    void anHtmxPageChangeGetsTheListWithItsLinksNotTheWholePage() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(2, 120, "Carl Clay"));

        String html = given().auth().oauth2(Users.chiropractor())
                .header("HX-Request", "true").header("HX-Boosted", "true").header("HX-Target", "patient-list")
                .when().get("/patients?page=3")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Carl Clay", "Page 3 of 3", "id=\"patient-rows\"", "rel=\"prev\"")
                .doesNotContain("<html", "rel=\"next\"");
    }

    @Test
    void aPageNumberThatIsNotOneIsAnsweredClearlyWithoutAskingPlanService() {
        for (String page : java.util.List.of("abc", "0", "-1", "2.5")) {
            given().auth().oauth2(Users.chiropractor()).when().get("/patients?page=" + page)
                    .then().statusCode(400)
                    .body(containsString("is not a page number"))
                    .body(containsString("“" + page + "”"))
                    .body(not(containsString("Exception")));
        }
        assertThat(StubServices.requests("GET", "/api/dashboard")).isEmpty();
    }

    @Test
    void aPageBeyondTheLastSaysHowManyThereAreAndLinksBack() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(8, 120));

        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients?q=a&page=9")
                .then().statusCode(404).extract().asString();

        assertThat(html).contains("There is no page 9 of this list: it has 3 pages.",
                "href=\"/patients?q=a&amp;sort=flags&amp;dir=asc&amp;page=3\">Go to the last page");
        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=a&page=8&size=50"));
    }

    @Test
    void anAbsurdlyLargePageKeepsPlanServicesRowOffsetInRange() {
        StubServices.json("GET", "/api/dashboard", Fixtures.dashboardPage(42949671, 120));

        given().auth().oauth2(Users.chiropractor()).when().get("/patients?page=2000000000")
                .then().statusCode(404).body(containsString("There is no page 2000000000"));

        assertThat(StubServices.requests("GET", "/api/dashboard")).singleElement().satisfies(r -> {
            int page = Integer.parseInt(r.query().replaceAll(".*page=(\\d+).*", "$1"));
            assertThat((long) page * 50).isLessThanOrEqualTo(Integer.MAX_VALUE);
        });
    }

    // --- one patient: dates and the pain chart ---

    private static void stubPatient(String adherence) {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/plans", "[]");
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/adherence",
                Fixtures.adherenceAsAsked(adherence));
    }

    @Test
    void oneWeekOfPainIsALabelledDotNotAnInvisibleLine() {
        stubPatient(Fixtures.adherence().replace(
                "{\"weekStart\":\"2026-11-09\",\"before\":6.0,\"after\":4.0},", ""));

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "?from=2026-10-20&to=2026-11-23")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<circle cx=\"160.0\" cy=\"65.2\" r=\"6\" class=\"dot-before\"/>",
                ">before 4.5</text>", ">after 3</text>",
                "Pain in the week of Mon 16 Nov 2026, before sessions 4.5, after sessions 3, 0 to 10",
                "Only the week of Mon 16 Nov 2026 has ratings so far")
                .doesNotContain("<polyline");
    }

    @Test
    void noPainRatingsSaySoInsteadOfAnEmptyChart() {
        stubPatient(Fixtures.adherence().replaceAll("\"weeks\":\\[[^\\]]*\\]", "\"weeks\":[]"));

        given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID)
                .then().statusCode(200)
                .body(containsString("No pain ratings yet."))
                .body(not(containsString("<svg viewBox=\"0 0 320 120\"")));
    }

    @Test
    void thePatientsDateFieldsSayWhatToTypeAndShowDatesInOneClearFormat() {
        stubPatient(Fixtures.adherence());

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "?from=2026-10-20&to=2026-11-23")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("id=\"from\" type=\"date\" name=\"from\" value=\"2026-10-20\" placeholder=\"YYYY-MM-DD\"",
                "pattern=\"\\d\\d\\d\\d-\\d\\d-\\d\\d\"", "Type the date as YYYY-MM-DD, for example 2026-11-23.",
                "Sun 22 Nov 2026", "Mon 9 Nov 2026");
        assertThat(StubServices.requests("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/adherence")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=2026-10-20&to=2026-11-23&days=true"));
    }

    @Test
    void thePatientsCalendarShowsTheDaysDoneSomeDoneAndMissed() {
        stubPatient(Fixtures.adherence());

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "?from=2026-10-20&to=2026-11-23")
                .then().statusCode(200).extract().asString();

        // plan-service sends the per-day figures only when asked for them (days=true)
        assertThat(html).contains("class=\"day done\"", "class=\"day partial\"", "class=\"day missed\"",
                "1 of 2 sessions done", "0 of 1 sessions done");
    }

    @Test
    void anUnreadableDateIsShownBackWithWhatToTypeAndTheDefaultPeriod() {
        stubPatient(Fixtures.adherence());

        String html = given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "?from=20/10/2026&to=2026-11-23")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("“20/10/2026” is not a date we can read. Type it as YYYY-MM-DD, for example 2026-11-23.",
                "value=\"20/10/2026\"", "aria-invalid=\"true\" aria-describedby=\"from-error\"",
                "Those dates cannot be used").doesNotContain("Exception");
        // the default five weeks are shown meanwhile
        java.time.LocalDate to = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1);
        assertThat(StubServices.requests("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/adherence")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=" + to.minusDays(35) + "&to=" + to + "&days=true"));
    }

    @Test
    void anEndBeforeTheStartIsExplained() {
        stubPatient(Fixtures.adherence());

        given().auth().oauth2(Users.chiropractor())
                .when().get("/patients/" + Fixtures.PATIENT_ID + "?from=2026-11-23&to=2026-11-01")
                .then().statusCode(400)
                .body(containsString("The end date is before the start date. Choose an end on or after Mon 23 Nov 2026."));
    }

    @Test
    void aPatientWhoMovedGetsANewTimeZoneFromTheirPage() {
        stubPatient(Fixtures.adherence());
        StubServices.json("PATCH", "/api/patients/" + Fixtures.PATIENT_ID, Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "America/Chicago"));
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);
        assertThat(page.response().asString()).contains("action=\"/patients/" + Fixtures.PATIENT_ID + "/time-zone\"",
                "<option value=\"Europe/Zurich\" selected>Europe/Zurich</option>");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("timeZone", "America/Chicago")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/time-zone")
                .then().statusCode(303).header("Location", endsWith("/patients/" + Fixtures.PATIENT_ID));
        assertThat(StubServices.requests("PATCH", "/api/patients/" + Fixtures.PATIENT_ID)).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"timeZone\":\"America/Chicago\"}"));
    }

    @Test
    void aTimeZonePlanServiceRefusesIsExplainedOnThePage() {
        stubPatient(Fixtures.adherence());
        StubServices.problem("PATCH", "/api/patients/" + Fixtures.PATIENT_ID, 400,
                "timeZone: must be a time zone such as Europe/Zurich");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("timeZone", "Mars/Olympus")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/time-zone")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("must be a time zone such as Europe/Zurich"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aTimeZoneChangeWithoutTheFormsTokenIsRefused() {
        given().auth().oauth2(Users.chiropractor()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("timeZone", "UTC")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/time-zone")
                .then().statusCode(400);
        assertThat(StubServices.requests("PATCH", "/api/patients/" + Fixtures.PATIENT_ID)).isEmpty();
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
    void enrolmentShowsTheOneTimePasswordOnceAndNeverCaches() {
        StubServices.json("POST", "/api/patients", 201, """
                {"patient":{"id":"%s","firstName":"Petra","lastName":"Test","name":"Petra Test","email":"petra@example.org",
                 "username":"petra@example.org","timeZone":"Europe/Zurich","createdAt":"2026-11-23T08:00:00Z"},
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
    private static io.restassured.response.ValidatableResponse enrol(String lastName, String email) {
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

    @Test
    void theEmptyTemplateChoiceStartsWithNoExercisesAndNoChoiceStartsFromMidBackRelief() {
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID,
                Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Europe/Zurich"));
        StubServices.json("GET", "/api/routines", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
        StubServices.json("GET", "/api/routines/mid-back-relief", """
                {"slug":"mid-back-relief","name":"Mid-back relief","description":"Daily.",
                 "schedule":{"daysOfWeek":["MONDAY"],"sessionsPerDay":1},
                 "items":[{"position":1,"exercise":{"slug":"cat-cow","name":"Cat-cow on all fours","category":"MOBILITY",
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

    @Test
    void aChiropractorIsRefusedThePatientsOwnPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/today").then().statusCode(403)
                .body(not(containsString("Exception")));
    }
}
