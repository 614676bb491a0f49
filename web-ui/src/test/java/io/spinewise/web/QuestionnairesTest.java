package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.spinewise.web.PatientStubs.stubPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The patient page's "Questionnaires" section: assignments, the assign form, stop, scores ({@code patient/Questionnaires}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class QuestionnairesTest {

    private static final String RUNNING = "11111111-2222-4333-8444-555555555555";
    private static final String PATIENT = "/api/patients/" + Fixtures.PATIENT_ID;
    private static final String PAGE = "/patients/" + Fixtures.PATIENT_ID;

    @BeforeEach
    void aPatientWithPsfsRunningAndThreeScores() {
        StubServices.reset();
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", "/api/instruments", "[" + instrument("NPRS", "Numeric Pain Rating Scale", "FREE", true)
                + "," + instrument("PSFS", "Patient-Specific Functional Scale", "FREE", true)
                + "," + instrument("NDI", "Neck Disability Index", "LICENCE_REQUIRED", false) + "]");
        StubServices.json("GET", PATIENT + "/assessments", """
                [{"id":"%s","instrument":"PSFS","title":"Patient-Specific Functional Scale","startDate":"2026-10-01",
                  "everyWeeks":2,"active":true,"stoppedOn":null,"dueNow":null,"nextDue":"2026-12-10","answered":3,
                  "missed":["2026-10-15"],"createdAt":"2026-10-01T08:00:00Z"},
                 {"id":"%s","instrument":"NPRS","title":"Numeric Pain Rating Scale","startDate":"2026-09-01",
                  "everyWeeks":null,"active":false,"stoppedOn":"2026-09-20","dueNow":null,"nextDue":null,"answered":1,
                  "missed":[],"createdAt":"2026-09-01T08:00:00Z"}]""".formatted(RUNNING, UUID.randomUUID()));
        StubServices.json("GET", PATIENT + "/outcomes", """
                [{"instrument":"PSFS","title":"Patient-Specific Functional Scale","direction":"HIGHER_IS_BETTER",
                  "minScore":0,"maxScore":10,"mcid":2,"mcidSource":"Stratford 1995",
                  "changeRule":"Better or worse when the latest score differs from the baseline by at least the MCID.",
                  "scores":[{"dueDate":"2026-10-01","answeredAt":"2026-10-01T09:00:00Z","late":false,"score":3},
                            {"dueDate":"2026-10-29","answeredAt":"2026-10-30T09:00:00Z","late":true,"score":4.5},
                            {"dueDate":"2026-11-26","answeredAt":"2026-11-26T09:00:00Z","late":false,"score":6}],
                  "baseline":3,"latest":6,"change":3,"verdict":"BETTER",
                  "verdictWords":"Better by at least the minimal clinically important difference (2 points).",
                  "missed":["2026-10-15"],"late":1}]""");
    }

    private static String instrument(String code, String title, String licence, boolean assignable) {
        return """
                {"code":"%s","title":"%s","instructions":null,"items":[],"scoringRule":"The mean of the items.",
                 "minScore":0,"maxScore":10,"direction":"HIGHER_IS_BETTER","mcid":2,"mcidSource":"a study",
                 "reference":"an article","licence":"%s","licenceTerms":"%s","licenceSource":"checked 2026",
                 "assignable":%s,"notAssignableReason":%s,"textSource":"%s","languages":["en"]}""".formatted(code, title,
                licence, assignable ? "free to use" : "the clinic needs a licence from the authors", assignable,
                assignable ? "null" : "\"needs a licence\"", assignable ? "SHIPPED" : "NONE");
    }

    @Test
    void theSectionShowsWhatRunsTheChartTheFiguresAndTheVerdictWithItsRule() {
        String html = given().auth().oauth2(Users.chiropractor()).when().get(PAGE)
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Questionnaires", "Patient-Specific Functional Scale (PSFS)", "every 2 weeks",
                "/assessments/" + RUNNING + "/stop", "Yes, stop PSFS");
        // the stopped NPRS is not listed as running
        assertThat(html).doesNotContain("Numeric Pain Rating Scale (NPRS)</td>");
        // the library: a licence-required instrument disabled with its reason
        assertThat(html).contains("<option value=\"NDI\" disabled>NDI: Neck Disability Index (not assignable: the clinic needs a licence from the authors)");
        assertThat(html).contains("value=\"" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Zurich")) + "\"");
        // the chart: an accessible drawing with the MCID band around the baseline, and a table of the scores
        assertThat(html).contains("role=\"img\"", "aria-labelledby=\"outcome-psfs-title\"", "class=\"mcid-band\"",
                "class=\"baseline\"", "Shaded: the baseline 3 plus or minus the MCID of 2 points",
                "Scores as a table", "(late)", "4.5");
        assertThat(html).contains("Better by at least the minimal clinically important difference (2 points).",
                "differs from the baseline by at least the MCID", "+3", "1 missed, 1 late");
    }

    @Test
    void assigningSendsTheInstrumentStartAndCadence() {
        StubServices.json("POST", PATIENT + "/assessments", 201, """
                {"id":"%s","instrument":"NPRS","title":"Numeric Pain Rating Scale","startDate":"2026-12-01",
                 "everyWeeks":4,"active":true,"stoppedOn":null,"dueNow":null,"nextDue":"2026-12-01","answered":0,
                 "missed":[],"createdAt":"2026-11-29T08:00:00Z"}""".formatted(UUID.randomUUID()));
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, PAGE);

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("instrument", "NPRS").formParam("startDate", "2026-12-01").formParam("cadence", "weeks")
                .formParam("everyWeeks", "4")
                .when().post(PAGE + "/assessments")
                .then().statusCode(303).header("Location", endsWith(PAGE + "#questionnaires-title"));
        assertThat(StubServices.requests("POST", PATIENT + "/assessments")).singleElement().satisfies(r -> assertThat(
                r.body()).isEqualTo("{\"instrument\":\"NPRS\",\"startDate\":\"2026-12-01\",\"everyWeeks\":4}"));
    }

    @Test
    void onceSendsNoCadenceAndAMissingWeekCountIsRefusedWithoutAsking() {
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, PAGE);

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("instrument", "NPRS").formParam("startDate", "2026-12-01").formParam("cadence", "weeks")
                .formParam("everyWeeks", "")
                .when().post(PAGE + "/assessments").then().statusCode(400).extract().asString();

        assertThat(html).contains("aria-describedby=\"everyWeeks-error\"", "Enter every how many weeks",
                "The questionnaire was not assigned");
        assertThat(StubServices.requests("POST", PATIENT + "/assessments")).isEmpty();
    }

    @Test
    void plansServicesRefusalOfALicencedOrRunningInstrumentIsShownByTheInstrument() {
        StubServices.answer("POST", PATIENT + "/assessments", 409, "application/problem+json", """
                {"type":"urn:spinewise:problem:conflict","title":"Conflict","status":409,
                 "detail":"PSFS is already running for this patient; stop it first."}""");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, PAGE);

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("instrument", "PSFS").formParam("cadence", "once")
                .when().post(PAGE + "/assessments").then().statusCode(409).extract().asString();

        assertThat(html).contains("aria-describedby=\"instrument-error\"", "already running for this patient",
                "<option value=\"PSFS\" selected>");
        assertThat(StubServices.requests("POST", PATIENT + "/assessments")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"instrument\":\"PSFS\",\"startDate\":null,\"everyWeeks\":null}"));
    }

    @Test
    void theStopButtonStopsTheAssignment() {
        StubServices.answer("DELETE", PATIENT + "/assessments/" + RUNNING, 204, "application/json", "");
        String token = Users.chiropractor();
        Pages.Form page = Pages.get(token, PAGE);

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post(PAGE + "/assessments/" + RUNNING + "/stop")
                .then().statusCode(303).header("Location", endsWith(PAGE + "#questionnaires-title"));
        assertThat(StubServices.requests("DELETE", PATIENT + "/assessments/" + RUNNING)).hasSize(1);
    }

    @Test
    void patientsAndAdministratorsMayNotAssignOrStop() {
        for (String token : new String[] {Users.patient(), Users.admin()}) {
            Pages.Form page = Pages.get(Users.chiropractor(), PAGE);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                    .formParam("instrument", "NPRS").formParam("cadence", "once")
                    .when().post(PAGE + "/assessments").then().statusCode(403);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                    .when().post(PAGE + "/assessments/" + RUNNING + "/stop").then().statusCode(403);
        }
        assertThat(StubServices.requests("POST", PATIENT + "/assessments")).isEmpty();
        assertThat(StubServices.requests("DELETE", PATIENT + "/assessments/" + RUNNING)).isEmpty();
    }

    @Test
    void theRestOfThePageShowsWhenPlanServiceCannotSayWhatIsAssigned() {
        StubServices.problem("GET", PATIENT + "/outcomes", 503, "plan-service is busy");

        given().auth().oauth2(Users.chiropractor()).when().get(PAGE)
                .then().statusCode(200)
                .body(containsString("The patient's questionnaires cannot be shown right now."))
                .body(containsString("Adherence"));
    }
}
