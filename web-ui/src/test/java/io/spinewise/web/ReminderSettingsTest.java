package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The patient's reminder settings and their latest reminders, against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ReminderSettingsTest {

    private static final String MY_RECORD = Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient", "paul@example.org",
            "Asia/Tokyo");
    private static final String CLINIC_DEFAULT = "{\"channels\":[],\"remindAt\":\"18:00\",\"quietFrom\":null,"
            + "\"quietUntil\":null,\"chosen\":false,\"emailAvailable\":true}";
    private static final String CHOSEN = "{\"channels\":[\"EMAIL\"],\"remindAt\":\"07:30\",\"quietFrom\":\"22:00\","
            + "\"quietUntil\":\"06:30\",\"chosen\":true,\"emailAvailable\":true}";
    /** Due 2026-03-02 09:30 UTC: 18:30 in Tokyo. */
    private static final String SENT = "{\"items\":[{\"id\":\"" + Fixtures.PATIENT_ID + "\",\"planId\":\""
            + Fixtures.PATIENT_ID + "\",\"sessionDate\":\"2026-03-02\",\"slot\":1,\"channel\":\"EMAIL\","
            + "\"dueAt\":\"2026-03-02T09:30:00Z\",\"status\":\"SENT\",\"detail\":null,"
            + "\"finishedAt\":\"2026-03-02T09:30:05Z\"}],\"page\":0,\"size\":10,\"total\":1}";

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me", MY_RECORD);
    }

    @Test
    void theClinicDefaultIsShownHonestlyAndThePatientTurnsEmailOnAtATime() {
        StubServices.json("GET", "/api/me/reminders", CLINIC_DEFAULT);
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        StubServices.json("PUT", "/api/me/reminders", CHOSEN);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("default settings apply until you save your own",
                "name=\"remindAt\" type=\"time\" value=\"18:00\"", "times in Asia/Tokyo",
                "<td>Mon 2 Mar 2026</td><td>18:30</td><td>E-mail</td><td>Sent</td>")
                .doesNotContain("No e-mail address", "PUSH", "name=\"email\" type=\"checkbox\" role=\"switch\" value=\"on\" checked");

        String saved = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("remindAt", "07:30").formParam("quietFrom", "22:00")
                .formParam("quietUntil", " 06:30 ")
                .when().post("/progress/reminders").then().statusCode(200).extract().asString();
        assertThat(saved).contains("Saved.", "settings you chose", "value=\"on\" checked", "value=\"07:30\"");
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(JsonPath.from(r.body()).getMap("$")).isEqualTo(Map.of("channels", List.of("EMAIL"),
                    "remindAt", "07:30", "quietFrom", "22:00", "quietUntil", "06:30"));
        });
    }

    @Test
    void turningEmailOffSendsNoChannelAndBlankQuietHoursAsNone() {
        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        StubServices.json("PUT", "/api/me/reminders", CLINIC_DEFAULT.replace("false", "true"));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("remindAt", "18:00").formParam("quietFrom", "").formParam("quietUntil", "")
                .when().post("/progress/reminders").then().statusCode(200);
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).singleElement().satisfies(r ->
                assertThat(r.body()).contains("\"channels\":[]", "\"quietFrom\":null", "\"quietUntil\":null"));
    }

    @Test
    void aTimePlanServiceRefusesIsShownByItsFieldAndABlankTimeIsNotSent() {
        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        StubServices.answer("PUT", "/api/me/reminders", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"quietFrom: must be a time of day as HH:mm",
                 "violations":[{"field":"quietFrom","message":"must be a time of day as HH:mm"}]}
                """);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("remindAt", "07:30").formParam("quietFrom", "25:00")
                .when().post("/progress/reminders").then().statusCode(400).extract().asString();
        assertThat(html).contains("value=\"25:00\" aria-invalid=\"true\" aria-describedby=\"quietFrom-error\"",
                "<small id=\"quietFrom-error\" class=\"field-error\">must be a time of day as HH:mm</small>");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .header("Accept-Language", "de").formParam("email", "on").formParam("remindAt", "")
                .when().post("/progress/reminders").then().statusCode(400)
                .body(containsString("<small id=\"remindAt-error\" class=\"field-error\">"));
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).hasSize(1);
    }

    @Test
    void withoutAnEmailAddressThePatientIsToldToAskTheirClinicInTheirLanguage() {
        StubServices.json("GET", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"de\""));
        StubServices.json("GET", "/api/me/reminders", CLINIC_DEFAULT.replace("\"emailAvailable\":true",
                "\"emailAvailable\":false"));
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        String html = Pages.get(Users.patient(), "/progress/reminders").response().asString();
        assertThat(html).contains("Für Sie ist keine E-Mail-Adresse hinterlegt",
                "<td>Mo., 2. März 2026</td><td>18:30</td><td>E-Mail</td><td>Gesendet</td>");
    }

    @Test
    void whenPlanServiceCannotAnswerTheRestOfThePageStillShows() {
        StubServices.problem("GET", "/api/me/reminders", 503, "plan-service is restarting");
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        String html = Pages.get(Users.patient(), "/progress/reminders").response().asString();
        assertThat(html).contains("reminder settings cannot be shown right now", "<td>18:30</td>")
                .doesNotContain("name=\"remindAt\"");

        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.problem("GET", "/api/me/reminders/sent", 503, "plan-service is restarting");
        html = Pages.get(Users.patient(), "/progress/reminders").response().asString();
        assertThat(html).contains("name=\"remindAt\" type=\"time\" value=\"07:30\"",
                "list of your reminders cannot be shown right now");
    }

    @Test
    void wherePushIsOfferedThePageCarriesTheKeyListsTheDevicesAndSavesTheChannel() {
        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        StubServices.json("GET", "/api/me/push-subscriptions/public-key", "{\"available\":true,\"publicKey\":\""
                + PushDevicesTest.KEY + "\"}");
        StubServices.json("GET", "/api/me/push-subscriptions", "[" + PushDevicesTest.DEVICE + "]");
        StubServices.json("PUT", "/api/me/reminders", CHOSEN.replace("[\"EMAIL\"]", "[\"EMAIL\",\"PUSH\"]"));
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        assertThat(page.response().asString()).contains("data-push-key=\"" + PushDevicesTest.KEY + "\"",
                "name=\"push\" type=\"checkbox\"", "<td>Chrome on Android</td>", "<td>Mon 2 Mar 2026</td>",
                "Remind me on this device", "/js/push.js", "Back to my clinic&#39;s default")
                .doesNotContain(token);

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("pushShown", "yes").formParam("push", "on")
                .formParam("remindAt", "07:30").when().post("/progress/reminders").then().statusCode(200);
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("pushShown", "yes").formParam("remindAt", "07:30")
                .when().post("/progress/reminders").then().statusCode(200);
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).extracting(r ->
                JsonPath.from(r.body()).getList("channels")).containsExactly(List.of("EMAIL", "PUSH"), List.of("EMAIL"));
    }

    @Test
    void aRefusedChannelIsShownOnTheChannelsField() {
        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.json("GET", "/api/me/push-subscriptions/public-key", "{\"available\":true,\"publicKey\":\""
                + PushDevicesTest.KEY + "\"}");
        StubServices.answer("PUT", "/api/me/reminders", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"channels: PUSH is not offered here",
                 "violations":[{"field":"channels","message":"PUSH is not offered here"}]}
                """);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("pushShown", "yes").formParam("push", "on").formParam("remindAt", "07:30")
                .when().post("/progress/reminders").then().statusCode(400).extract().asString();
        assertThat(html).contains("name=\"push\" type=\"checkbox\" role=\"switch\" value=\"on\" checked"
                + " aria-invalid=\"true\" aria-describedby=\"channels-error\"",
                "<small id=\"channels-error\" class=\"field-error\">PUSH is not offered here</small>");
    }

    @Test
    void withoutPushThePageSaysSoInWordsAndSavingEmailKeepsAPushChosenBefore() {
        StubServices.json("GET", "/api/me", MY_RECORD.replace("\"language\":null", "\"language\":\"fr\""));
        String both = CHOSEN.replace("[\"EMAIL\"]", "[\"EMAIL\",\"PUSH\"]");
        StubServices.json("GET", "/api/me/reminders", both);
        StubServices.json("GET", "/api/me/push-subscriptions/public-key", "{\"available\":false,\"publicKey\":null}");
        StubServices.json("PUT", "/api/me/reminders", both);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        assertThat(page.response().asString()).contains("n&#39;envoie pas de notifications push",
                "name=\"email\" type=\"checkbox\"").doesNotContain("name=\"push\"", "data-push-key");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("remindAt", "07:30")
                .when().post("/progress/reminders").then().statusCode(200);
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).singleElement().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getList("channels")).isEqualTo(List.of("EMAIL", "PUSH")));
    }

    @Test
    void backToTheClinicsDefaultForgetsTheChoiceOnlyWithTheCsrfToken() {
        StubServices.json("GET", "/api/me/reminders", CHOSEN);
        StubServices.json("GET", "/api/me/reminders/sent", SENT);
        StubServices.answer("DELETE", "/api/me/reminders", 204, "application/json", "");
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        assertThat(page.response().asString()).contains("action=\"/progress/reminders/default\"");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .when().post("/progress/reminders/default").then().statusCode(400);
        assertThat(StubServices.requests("DELETE", "/api/me/reminders")).isEmpty();

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).formParam("csrf-token", page.csrfToken())
                .redirects().follow(false).when().post("/progress/reminders/default").then().statusCode(303)
                .header("Location", endsWith("/progress/reminders?done=default"));
        assertThat(StubServices.requests("DELETE", "/api/me/reminders")).singleElement().satisfies(r ->
                assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));

        StubServices.json("GET", "/api/me/reminders", CLINIC_DEFAULT);
        assertThat(Pages.get(token, "/progress/reminders?done=default").response().asString())
                .contains("default settings apply again").doesNotContain("action=\"/progress/reminders/default\"");
        given().auth().oauth2(Users.chiropractor()).cookie("csrf-token", page.csrfCookie())
                .formParam("csrf-token", page.csrfToken()).when().post("/progress/reminders/default")
                .then().statusCode(403);
        assertThat(StubServices.requests("DELETE", "/api/me/reminders")).hasSize(1);
    }

    @Test
    void onlyThePatientReachesTheirReminders() {
        for (String token : List.of(Users.chiropractor(), Users.admin())) {
            given().auth().oauth2(token).when().get("/progress/reminders").then().statusCode(403);
        }
        assertThat(StubServices.requests("GET", "/api/me/reminders")).isEmpty();
    }
}
