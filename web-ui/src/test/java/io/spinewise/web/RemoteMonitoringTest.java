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

/** The patient page's "Remote monitoring" section and its time log ({@code patient/RemoteMonitoring}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class RemoteMonitoringTest {

    private static final String ME = UUID.randomUUID().toString();
    private static final String COLLEAGUE = UUID.randomUUID().toString();
    private static final String MINE = "11111111-2222-4333-8444-555555555555";
    private static final String THEIRS = "66666666-7777-4888-9999-000000000000";
    private static final String BASE = "/api/patients/" + Fixtures.PATIENT_ID + "/rtm";

    @BeforeEach
    void aPatientWithTwoPeriodsAndAMonthOfTime() {
        StubServices.reset();
        stubPatient(Fixtures.adherence());
        StubServices.json("GET", BASE, """
                {"patientId":"%s","today":"2026-11-23",
                 "periods":[{"start":"2026-09-20","end":"2026-10-19","daysWithData":18,"setUp":true,
                             "deviceSupplyCode":"98977","setUpCode":"98975","ongoing":false,"stillReachable":true},
                            {"start":"2026-10-20","end":"2026-11-18","daysWithData":9,"setUp":false,
                             "deviceSupplyCode":"98985","setUpCode":null,"ongoing":false,"stillReachable":false},
                            {"start":"2026-11-20","end":"2026-12-19","daysWithData":3,"setUp":false,
                             "deviceSupplyCode":"98985","setUpCode":null,"ongoing":true,"stillReachable":true}],
                 "months":[{"month":"2026-11","minutesLogged":45,"interactiveEntries":1,"qualifyingMinutes":45,
                            "codes":[{"code":"98980","units":1},{"code":"98981","units":1}]}],
                 "periodRule":"A monitoring period is 30 days from the first day with data.",
                 "timeRule":"Per calendar month, logged minutes qualify only if at least one entry was interactive.",
                 "notice":"Spinewise counts; the clinic decides what to bill."}""".formatted(Fixtures.PATIENT_ID));
        StubServices.json("GET", BASE + "/time", """
                [{"id":"%s","date":"2026-11-20","minutes":30,"interactive":true,"note":"call","clinician":"%s",
                  "clinicianName":"Dr Me","createdAt":"2026-11-20T10:00:00Z"},
                 {"id":"%s","date":"2026-11-18","minutes":15,"interactive":false,"note":null,"clinician":"%s",
                  "clinicianName":"Dr Colleague","createdAt":"2026-11-18T10:00:00Z"}]""".formatted(MINE, ME, THEIRS, COLLEAGUE));
    }

    @Test
    void thePatientPageShowsTheMonthsMinutesThePeriodsTheRulesAndWhoDecides() {
        String html = given().auth().oauth2(TestIssuer.token(ME, "chiropractor", Users.CLINIC))
                .when().get("/patients/" + Fixtures.PATIENT_ID).then().statusCode(200).extract().asString();

        assertThat(html).contains("Remote monitoring", "Spinewise counts; the clinic decides what to bill.",
                "qualifying minutes in 2026-11", "98980, 98981", "A monitoring period is 30 days",
                "at least one entry was interactive", "(running)", "full threshold still reachable", "98975");
        // only my own entry has a delete button
        assertThat(html).contains("/rtm/time/" + MINE + "/delete").doesNotContain("/rtm/time/" + THEIRS + "/delete");
    }

    @Test
    void loggedTimeIsSentAndThePageShownAgain() {
        StubServices.json("POST", BASE + "/time", 201, """
                {"id":"%s","date":"2026-11-23","minutes":25,"interactive":true,"note":"video visit","clinician":"%s",
                 "clinicianName":"Dr Me","createdAt":"2026-11-23T10:00:00Z"}""".formatted(MINE, ME));
        String token = TestIssuer.token(ME, "chiropractor", Users.CLINIC);
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("minutes", "25").formParam("date", "2026-11-23").formParam("interactive", "on")
                .formParam("note", " video visit ")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/rtm/time")
                .then().statusCode(303).header("Location", endsWith("/patients/" + Fixtures.PATIENT_ID + "#rtm-title"));
        assertThat(StubServices.requests("POST", BASE + "/time")).singleElement().satisfies(r -> assertThat(r.body())
                .isEqualTo("{\"minutes\":25,\"date\":\"2026-11-23\",\"interactive\":true,\"note\":\"video visit\"}"));
    }

    @Test
    void minutesOutOfRangeAreRefusedByTheFieldWithoutAsking() {
        String token = TestIssuer.token(ME, "chiropractor", Users.CLINIC);
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("minutes", "300").formParam("date", "2026-11-23")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/rtm/time")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("aria-describedby=\"minutes-error\"", "value=\"300\"", "The time was not logged");
        assertThat(StubServices.requests("POST", BASE + "/time")).isEmpty();
    }

    @Test
    void plansServicesRefusalOfTheDateIsShownByTheDateField() {
        StubServices.answer("POST", BASE + "/time", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:invalid-input","title":"Invalid input","status":400,
                 "detail":"date: must not be in the future (the patient's today)",
                 "violations":[{"field":"date","message":"must not be in the future (the patient's today)"}]}""");
        String token = TestIssuer.token(ME, "chiropractor", Users.CLINIC);
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("minutes", "20").formParam("date", "2026-12-24")
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/rtm/time")
                .then().statusCode(400)
                .body(containsString("aria-describedby=\"date-error\""))
                .body(containsString("must not be in the future"));
    }

    @Test
    void myOwnEntryIsDeleted() {
        StubServices.answer("DELETE", BASE + "/time/" + MINE, 204, "application/json", "");
        String token = TestIssuer.token(ME, "chiropractor", Users.CLINIC);
        Pages.Form page = Pages.get(token, "/patients/" + Fixtures.PATIENT_ID);

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post("/patients/" + Fixtures.PATIENT_ID + "/rtm/time/" + MINE + "/delete")
                .then().statusCode(303);
        assertThat(StubServices.requests("DELETE", BASE + "/time/" + MINE)).hasSize(1);
    }

    @Test
    void theRestOfThePageShowsWhenTheCountsCannotBeRead() {
        StubServices.problem("GET", BASE, 503, "plan-service is busy");

        given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID)
                .then().statusCode(200)
                .body(containsString("The remote-monitoring counts cannot be shown right now."))
                .body(containsString("Adherence"));
    }
}
