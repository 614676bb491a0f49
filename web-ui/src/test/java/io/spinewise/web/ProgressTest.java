package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The patient's Progress page: figures, calendar and pain chart, their time zone, their data export. */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ProgressTest {

    @BeforeEach
    void services() {
        StubServices.reset();
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
