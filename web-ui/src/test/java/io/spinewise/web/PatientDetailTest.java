package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.spinewise.web.PatientStubs.stubPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** One patient's page: the period's figures, calendar and pain chart, and the time zone ({@code PatientDetail}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PatientDetailTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
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
        LocalDate to = LocalDate.now(ZoneOffset.UTC).plusDays(1);
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
    void theRemindersOfTheLast14DaysStandBesideAdherenceInThePatientsZone() {
        stubPatient(Fixtures.adherence());
        Instant now = Instant.now();
        StubServices.json("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/reminders", "{\"items\":["
                + reminder(now.minus(Duration.ofDays(1)), "SENT", null) + ","
                + reminder(now.minus(Duration.ofDays(2)), "SKIPPED", "\"checked off\"") + ","
                + reminder(now.minus(Duration.ofDays(20)), "FAILED", "\"mailbox full\"")
                + "],\"page\":0,\"size\":100,\"total\":3}");
        String html = given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID)
                .then().statusCode(200).extract().asString();
        String zurich = DateTimeFormatter.ofPattern("HH:mm")
                .format(now.minus(Duration.ofDays(1)).atZone(ZoneId.of("Europe/Zurich")));
        assertThat(html).contains("Reminders sent (last 14 days)", "1 sent, 1 not needed (skipped), 0 failed.",
                "times in Europe/Zurich", "<td>" + zurich + "</td><td>Email</td><td>Sent</td>", "Skipped: checked off")
                .doesNotContain("mailbox full");
        assertThat(StubServices.requests("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/reminders"))
                .singleElement().satisfies(r -> assertThat(r.query()).contains("size=100"));
    }

    @Test
    void thePatientPageStillShowsWhenTheRemindersCannotBeRead() {
        stubPatient(Fixtures.adherence());
        StubServices.problem("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/reminders", 503, "restarting");
        given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID)
                .then().statusCode(200).body(containsString("The patient's reminders cannot be shown right now."))
                .body(containsString("adherence"));
    }

    private static String reminder(Instant due, String status, String detail) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"planId\":\"" + Fixtures.PATIENT_ID
                + "\",\"sessionDate\":\"2026-03-02\",\"slot\":1,\"channel\":\"EMAIL\",\"dueAt\":\"" + due
                + "\",\"status\":\"" + status + "\",\"detail\":" + detail + ",\"finishedAt\":null}";
    }
}
