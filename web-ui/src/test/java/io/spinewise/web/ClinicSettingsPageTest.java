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

/** The clinic's dashboard thresholds, the administrator's alone, against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ClinicSettingsPageTest {

    /** A VAPID public key as plan-service sends it (base64url of a 65-byte P-256 point). */
    private static final String PUBLIC_KEY =
            "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM";

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void theClinicSettingsAreShownAndSavedWithPut() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.json("PUT", "/api/clinic/settings", "{\"lowAdherencePercent\":50,\"painThreshold\":8,\"inactiveDays\":4}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("name=\"lowAdherencePercent\" type=\"number\" inputmode=\"numeric\" value=\"60\"",
                "value=\"7\"", "value=\"5\"", "href=\"/admin/settings\" aria-current=\"page\"");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "50").formParam("painThreshold", "8").formParam("inactiveDays", " 4 ").formParam("painRise", "3")
                .when().post("/admin/settings")
                .then().statusCode(200).body(containsString("Saved.")).body(containsString("value=\"50\""));
        assertThat(StubServices.requests("PUT", "/api/clinic/settings")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(JsonPath.from(r.body()).getMap("$"))
                    .isEqualTo(Map.of("lowAdherencePercent", 50, "painThreshold", 8, "inactiveDays", 4, "painRise", 3));
        });
    }

    @Test
    void aThresholdPlanServiceRefusesIsShownByItsFieldAndTextIsNotSent() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.answer("PUT", "/api/clinic/settings", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"lowAdherencePercent must be between 0 and 100.",
                 "violations":[{"field":"lowAdherencePercent","message":"must be between 0 and 100"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "150").formParam("painThreshold", "7").formParam("inactiveDays", "5").formParam("painRise", "2")
                .when().post("/admin/settings").then().statusCode(400).extract().asString();
        assertThat(html).contains("value=\"150\" required aria-invalid=\"true\" aria-describedby=\"lowAdherencePercent-error\"",
                "<small id=\"lowAdherencePercent-error\" class=\"field-error\">must be between 0 and 100</small>");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "sixty").formParam("painThreshold", "7").formParam("inactiveDays", "5").formParam("painRise", "2")
                .when().post("/admin/settings").then().statusCode(400)
                .body(containsString("<small id=\"lowAdherencePercent-error\" class=\"field-error\">Enter a whole number.</small>"));
        assertThat(StubServices.requests("PUT", "/api/clinic/settings")).hasSize(1);
    }

    @Test
    void chiropractorsAndPatientsCannotReachTheClinicSettings() {
        for (String token : List.of(Users.chiropractor(), Users.patient())) {
            given().auth().oauth2(token).when().get("/admin/settings").then().statusCode(403);
        }
        assertThat(StubServices.requests("GET", "/api/clinic/settings")).isEmpty();
    }

    @Test
    void theDefaultRemindersAreShownAndSavedWithPut() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.json("GET", "/api/clinic/reminder-default", "{\"channels\":[],\"remindAt\":\"18:00\"}");
        StubServices.json("PUT", "/api/clinic/reminder-default", "{\"channels\":[\"EMAIL\"],\"remindAt\":\"08:15\"}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");
        assertThat(page.response().asString()).contains("Default reminders",
                "name=\"remindAt\" type=\"time\" value=\"18:00\"")
                .doesNotContain("value=\"on\" checked", "Push");

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("remindAt", "08:15")
                .when().post("/admin/settings/reminders").then().statusCode(200).extract().asString();
        assertThat(html).contains("Patients who have not chosen their own reminders follow this default",
                "value=\"on\" checked", "value=\"08:15\"", "value=\"60\"");
        assertThat(StubServices.requests("PUT", "/api/clinic/reminder-default")).singleElement().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getMap("$"))
                        .isEqualTo(Map.of("channels", List.of("EMAIL"), "remindAt", "08:15")));
    }

    @Test
    void pushIsOfferedInTheDefaultWhenPlanServiceSendsItAndKeptAsItWasWhenItCannotBeAsked() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.json("GET", "/api/clinic/reminder-default", "{\"channels\":[\"EMAIL\"],\"remindAt\":\"18:00\"}");
        StubServices.json("GET", "/api/clinic/push-availability", "{\"available\":true,\"publicKey\":\"" + PUBLIC_KEY + "\"}");
        StubServices.json("PUT", "/api/clinic/reminder-default", "{\"channels\":[\"EMAIL\",\"PUSH\"],\"remindAt\":\"18:00\"}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");
        assertThat(page.response().asString()).contains("name=\"pushShown\"", "Send reminders as push notifications",
                "<input id=\"push\" name=\"push\" type=\"checkbox\" role=\"switch\" value=\"on\">");

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("push", "on").formParam("pushShown", "yes")
                .formParam("remindAt", "18:00")
                .when().post("/admin/settings/reminders").then().statusCode(200).extract().asString();
        assertThat(html).contains("name=\"push\" type=\"checkbox\" role=\"switch\" value=\"on\" checked");
        assertThat(StubServices.requests("PUT", "/api/clinic/reminder-default")).singleElement().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getList("channels")).containsExactly("EMAIL", "PUSH"));

        // plan-service cannot say whether it sends push: no choice shown, and a save keeps PUSH as it was
        StubServices.json("GET", "/api/clinic/reminder-default", "{\"channels\":[\"PUSH\"],\"remindAt\":\"18:00\"}");
        StubServices.problem("GET", "/api/clinic/push-availability", 503, "down");
        Pages.Form without = Pages.get(token, "/admin/settings");
        assertThat(without.response().asString()).doesNotContain("name=\"push\"");
        given().auth().oauth2(token).cookie("csrf-token", without.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", without.csrfToken())
                .formParam("email", "on").formParam("remindAt", "18:00")
                .when().post("/admin/settings/reminders").then().statusCode(200);
        assertThat(StubServices.requests("PUT", "/api/clinic/reminder-default")).last().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getList("channels")).containsExactly("EMAIL", "PUSH"));
    }

    @Test
    void aDefaultTimePlanServiceRefusesIsShownByItsFieldAndABlankOneIsNotSent() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.json("GET", "/api/clinic/reminder-default", "{\"channels\":[],\"remindAt\":\"18:00\"}");
        StubServices.answer("PUT", "/api/clinic/reminder-default", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"remindAt: must be a time of day as HH:mm",
                 "violations":[{"field":"remindAt","message":"must be a time of day as HH:mm"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("remindAt", "7pm")
                .when().post("/admin/settings/reminders").then().statusCode(400)
                .body(containsString("value=\"7pm\" required aria-invalid=\"true\" aria-describedby=\"remindAt-error\""))
                .body(containsString("<small id=\"remindAt-error\" class=\"field-error\">must be a time of day as HH:mm</small>"));
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("email", "on").formParam("remindAt", "")
                .when().post("/admin/settings/reminders").then().statusCode(400)
                .body(containsString("<small id=\"remindAt-error\" class=\"field-error\">Choose a time of day.</small>"));
        assertThat(StubServices.requests("PUT", "/api/clinic/reminder-default")).hasSize(1);
    }

    @Test
    void theThresholdsStillShowWhenTheDefaultRemindersCannotBeRead() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.problem("GET", "/api/clinic/reminder-default", 503, "plan-service is restarting");
        Pages.Form page = Pages.get(Users.admin(), "/admin/settings");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("value=\"60\"",
                "The default reminders cannot be shown right now").doesNotContain("name=\"remindAt\"");
    }
}
