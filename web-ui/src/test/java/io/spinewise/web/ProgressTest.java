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
import static org.hamcrest.Matchers.endsWith;

/** The patient's Progress page: figures, calendar and pain chart, their time zone, their data export. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ProgressTest {

    private static final String FEED_OFF = "{\"on\":false,\"startsAt\":\"18:00\",\"since\":null}";
    private static final String FEED_ON = "{\"on\":true,\"startsAt\":\"07:30\",\"since\":\"2026-03-02T08:00:00Z\"}";
    private static final String TOKEN = "q8Zt3n0K4rXoW1mJ7yVb2cLd5eFg6hIi9jAk-lBm_nC";

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me/calendar-feed", FEED_OFF);
    }

    @Test
    void aPatientTurnsTheCalendarFeedOnAndSeesTheLinkOnce() {
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);
        StubServices.json("PUT", "/api/me/calendar-feed", "{\"on\":true,\"startsAt\":\"07:30\","
                + "\"since\":\"2026-03-02T08:00:00Z\",\"token\":\"" + TOKEN + "\",\"feedPath\":\"/api/calendar/"
                + TOKEN + ".ics\"}");
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");
        assertThat(page.response().asString()).contains("Calendar subscription", "is <strong>off</strong>",
                "Turn on calendar subscription").doesNotContain("webcal://");

        StubServices.json("GET", "/api/me/calendar-feed", FEED_ON);
        String answer = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("startsAt", "07:30")
                .when().post("/progress/calendar-feed")
                .then().statusCode(200).extract().asString();
        assertThat(answer).containsPattern("href=\"webcal://localhost:\\d+/calendar/" + TOKEN + "\\.ics\"")
                .containsPattern("value=\"http://localhost:\\d+/calendar/" + TOKEN + "\\.ics\"")
                .contains("Get a new link", "Turn off calendar subscription");
        assertThat(StubServices.requests("PUT", "/api/me/calendar-feed")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"startsAt\":\"07:30\"}"));
        // shown once: the page read again has no link
        assertThat(Pages.get(token, "/progress").response().asString()).contains("is <strong>on</strong>")
                .doesNotContain(TOKEN);
    }

    @Test
    void aTimeThePlanServiceRefusesIsShownByTheField() {
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);
        StubServices.answer("PUT", "/api/me/calendar-feed", 400, "application/problem+json", "{\"type\":\"https://spinewise.io/problems/validation\","
                + "\"title\":\"Invalid input\",\"status\":400,\"detail\":\"startsAt: must be a time of day\","
                + "\"violations\":[{\"field\":\"startsAt\",\"message\":\"must be a time of day as HH:mm, e.g. 18:00\"}]}");
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");
        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("startsAt", "99:99")
                .when().post("/progress/calendar-feed")
                .then().statusCode(400).body(containsString("must be a time of day as HH:mm"))
                .body(containsString("aria-invalid"));
    }

    @Test
    void aPatientTurnsTheCalendarFeedOff() {
        StubServices.json("DELETE", "/api/me/calendar-feed", FEED_OFF);
        StubServices.json("GET", "/api/me/calendar-feed", FEED_ON);
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");
        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .when().post("/progress/calendar-feed/off")
                .then().statusCode(303).header("Location", containsString("/progress"));
        assertThat(StubServices.requests("DELETE", "/api/me/calendar-feed")).hasSize(1);
    }

    @Test
    void theFeedIsServedOnThePublicPathWithoutALoginAndWithoutForwardingOne() {
        StubServices.answer("GET", "/api/calendar/" + TOKEN + ".ics", 200, "text/calendar; charset=utf-8",
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
        given().redirects().follow(false).when().get("/calendar/" + TOKEN + ".ics")
                .then().statusCode(200).contentType(containsString("text/calendar"))
                .body(containsString("BEGIN:VCALENDAR"));
        assertThat(StubServices.requests("GET", "/api/calendar/" + TOKEN + ".ics")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());

        StubServices.problem("GET", "/api/calendar/" + "A".repeat(43) + ".ics", 404, "No calendar feed at this link");
        given().redirects().follow(false).when().get("/calendar/" + "A".repeat(43) + ".ics")
                .then().statusCode(404).contentType(containsString("text/plain"));
        given().redirects().follow(false).when().get("/calendar/a%2E.b.ics").then().statusCode(404);
        assertThat(StubServices.requests()).noneMatch(r -> r.path().contains("a."));
    }

    @Test
    void progressShowsStreakAdherenceCalendarAndPainChart() {
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);

        given().auth().oauth2(Users.patient()).when().get("/progress")
                .then().statusCode(200)
                .body(containsString("80 %"))
                .body(containsString("day streak"))
                .body(containsString("class=\"calendar\""))
                .body(containsString("href=\"/progress/fhir.json\""))
                // the days plan-service sends only when asked (days=true)
                .body(containsString("class=\"day done\""))
                .body(containsString("class=\"day partial\""))
                .body(containsString("class=\"day missed\""))
                .body(containsString("1 of 2 sessions done"))
                .body(containsString("polyline"))
                .body(containsString("Download my data"));
        // plan-service sends the calendar's days only when asked
        assertThat(StubServices.requests("GET", "/api/me/adherence")).singleElement()
                .satisfies(r -> assertThat(r.query()).contains("days=true"));
    }

    @Test
    void progressStillShowsWhenTheCalendarFeedsStateCannotBeRead() {
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);
        StubServices.problem("GET", "/api/me/calendar-feed", 503, "The database is unavailable for the moment.");

        given().auth().oauth2(Users.patient()).when().get("/progress")
                .then().statusCode(200)
                .body(containsString("80 %"))
                .body(containsString("Your calendar subscription cannot be shown right now."))
                .body(not(containsString("action=\"/progress/calendar-feed\"")))
                .body(containsString("Download my data"));
    }

    private static final String MY_RECORD = Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org", "Asia/Tokyo");

    @Test
    void aPatientWhoTravelsChangesTheirTimeZoneOnTheProgressPage() {
        StubServices.json("GET", "/api/me/adherence", Fixtures.adherenceAsAsked(Fixtures.adherence()));
        StubServices.json("GET", "/api/me/plans", "[]");
        StubServices.json("GET", "/api/me", MY_RECORD);
        StubServices.json("PATCH", "/api/me", MY_RECORD.replace("Asia/Tokyo", "Europe/London"));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress");
        // a zone outside the usual list is offered first, selected; the device button waits for app.js
        assertThat(page.response().asString()).contains("<strong>Asia/Tokyo</strong>",
                "<option value=\"Asia/Tokyo\" selected>Asia/Tokyo</option>",
                "data-device-time-zone=\"timeZone\" hidden>");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("timeZone", "Europe/London")
                .when().post("/progress/time-zone")
                .then().statusCode(303).header("Location", endsWith("/progress"));
        assertThat(StubServices.requests("PATCH", "/api/me")).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo("{\"timeZone\":\"Europe/London\"}"));
    }

    @Test
    void aTimeZoneChangeWithoutTheFormsTokenIsRefused() {
        given().auth().oauth2(Users.patient()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("timeZone", "UTC")
                .when().post("/progress/time-zone")
                .then().statusCode(400);
        assertThat(StubServices.requests("PATCH", "/api/me")).isEmpty();
    }

    @Test
    void ownDataDownloadIsStreamedFromPlanService() {
        StubServices.answer("GET", "/api/me/export", 200, "application/json", Fixtures.export());

        given().auth().oauth2(Users.patient()).when().get("/progress/export")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("\"Paul\""));
    }
}
