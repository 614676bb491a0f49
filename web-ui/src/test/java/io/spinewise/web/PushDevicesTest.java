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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/**
 * The routes the reminder page's script ({@code js/push.js}) and its device list post to
 * ({@code reminders/PushDevices}), against the stub services ({@link StubServices}): the browser's subscription
 * passed on with the patient's token, never without the page's CSRF token, never for another role; bad JSON
 * and plan-service's refusals answered as problems naming the field.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class PushDevicesTest {

    static final String KEY = "BCLB_9Agbp1Q4XDGVdIwJH7s_fYD1XlON5XF2SLblI0l_kexjye4AuvaSY8Olz2lsoqB0dA_ufNXlno6PTCBdn8";
    static final String SUBSCRIPTION = "{\"endpoint\":\"https://push.example/send/abc\",\"expirationTime\":null,"
            + "\"keys\":{\"p256dh\":\"" + KEY + "\",\"auth\":\"_vEvijmpvRu-t0jYwrW2Vw\"}}";
    static final String DEVICE = "{\"id\":\"" + Fixtures.PATIENT_ID + "\",\"endpoint\":\"https://push.example/send/abc\","
            + "\"userAgent\":\"Chrome on Android\",\"createdAt\":\"2026-03-02T09:30:00Z\",\"lastSuccessAt\":null}";
    private static final String ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    private static final String DEFAULT_EMAIL = "{\"channels\":[\"EMAIL\"],\"remindAt\":\"18:00\",\"quietFrom\":null,"
            + "\"quietUntil\":null,\"chosen\":false,\"emailAvailable\":true}";
    private static final String CHOSEN_BOTH = "{\"channels\":[\"EMAIL\",\"PUSH\"],\"remindAt\":\"18:00\","
            + "\"quietFrom\":null,\"quietUntil\":null,\"chosen\":true,\"emailAvailable\":true}";

    @BeforeEach
    void services() {
        StubServices.reset();
        StubServices.json("GET", "/api/me", Fixtures.patient(Fixtures.PATIENT_ID, "Paul", "Patient",
                "paul@example.org", "Europe/Berlin"));
        StubServices.json("GET", "/api/me/reminders", DEFAULT_EMAIL);
        StubServices.json("GET", "/api/me/reminders/sent", "{\"items\":[],\"page\":0,\"size\":10,\"total\":0}");
        StubServices.json("GET", "/api/me/push-subscriptions/public-key", "{\"available\":true,\"publicKey\":\""
                + KEY + "\"}");
        StubServices.json("GET", "/api/me/push-subscriptions", "[]");
    }

    @Test
    void aBrowsersSubscriptionIsPassedOnWithThePatientsTokenAndTurnsPushOn() {
        StubServices.answer("POST", "/api/me/push-subscriptions", 201, "application/json", "");
        StubServices.json("PUT", "/api/me/reminders", CHOSEN_BOTH);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", page.csrfToken())
                .header("User-Agent", ANDROID_CHROME).contentType("application/json").body(SUBSCRIPTION)
                .when().post("/progress/reminders/devices").then().statusCode(204);

        assertThat(StubServices.requests("POST", "/api/me/push-subscriptions")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(JsonPath.from(r.body()).getMap("$")).isEqualTo(Map.of("endpoint", "https://push.example/send/abc",
                    "keys", Map.of("p256dh", KEY, "auth", "_vEvijmpvRu-t0jYwrW2Vw"), "userAgent", "Chrome on Android"));
        });
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).singleElement().satisfies(r ->
                assertThat(JsonPath.from(r.body()).getList("channels")).isEqualTo(List.of("EMAIL", "PUSH")));
    }

    @Test
    void withoutThePagesCsrfTokenNothingIsPassedOn() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).contentType("application/json")
                .body(SUBSCRIPTION).when().post("/progress/reminders/devices").then().statusCode(400);
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", "forged")
                .contentType("application/json").body(SUBSCRIPTION)
                .when().post("/progress/reminders/devices").then().statusCode(400);
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).formParam("id", Fixtures.PATIENT_ID)
                .when().post("/progress/reminders/devices/remove").then().statusCode(400);
        assertThat(StubServices.requests("POST", "/api/me/push-subscriptions")).isEmpty();
        assertThat(StubServices.requests("DELETE", "/api/me/push-subscriptions")).isEmpty();
    }

    @Test
    void onlyAPatientAddsOrRemovesDevices() {
        for (String token : List.of(Users.chiropractor(), Users.admin())) {
            Pages.Form page = Pages.get(token, "/patients");
            given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                    .header("X-CSRF-TOKEN", page.csrfToken()).contentType("application/json").body(SUBSCRIPTION)
                    .when().post("/progress/reminders/devices").then().statusCode(403);
            given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                    .formParam("csrf-token", page.csrfToken()).formParam("id", Fixtures.PATIENT_ID)
                    .when().post("/progress/reminders/devices/remove").then().statusCode(403);
        }
        assertThat(StubServices.requests("POST", "/api/me/push-subscriptions")).isEmpty();
        assertThat(StubServices.requests("DELETE", "/api/me/push-subscriptions")).isEmpty();
    }

    @Test
    void whatIsNotASubscriptionIsAProblemNamingTheField() {
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        for (String body : List.of("{not json", "[1,2]", "")) {
            given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                    .header("X-CSRF-TOKEN", page.csrfToken()).contentType("application/json").body(body)
                    .when().post("/progress/reminders/devices").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("body"));
        }
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", page.csrfToken())
                .contentType("application/json").body("{\"endpoint\":\"https://push.example/x\",\"keys\":{}}")
                .when().post("/progress/reminders/devices").then().statusCode(400)
                .contentType("application/problem+json").body("status", is(400))
                .body("violations.field", is(List.of("keys.p256dh", "keys.auth")));
        assertThat(StubServices.requests("POST", "/api/me/push-subscriptions")).isEmpty();
    }

    @Test
    void planServicesRefusalIsPassedOnNamingItsFieldAndItsAbsenceIsA503() {
        StubServices.answer("POST", "/api/me/push-subscriptions", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"keys.p256dh: is not a point on P-256",
                 "violations":[{"field":"keys.p256dh","message":"is not a point on P-256"}]}
                """);
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", page.csrfToken())
                .contentType("application/json").body(SUBSCRIPTION)
                .when().post("/progress/reminders/devices").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("keys.p256dh"))
                .body("detail", containsString("not a point on P-256"));

        StubServices.problem("POST", "/api/me/push-subscriptions", 503, "plan-service is restarting");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", page.csrfToken())
                .contentType("application/json").body(SUBSCRIPTION)
                .when().post("/progress/reminders/devices").then().statusCode(503)
                .contentType("application/problem+json");
        assertThat(StubServices.requests("PUT", "/api/me/reminders")).isEmpty();
    }

    @Test
    void aDeviceIsRemovedByItsIdFromTheListOrByThisBrowsersEndpoint() {
        StubServices.answer("DELETE", "/api/me/push-subscriptions", 204, "application/json", "");
        String token = Users.patient();
        Pages.Form page = Pages.get(token, "/progress/reminders");
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).formParam("csrf-token", page.csrfToken())
                .formParam("id", Fixtures.PATIENT_ID).redirects().follow(false)
                .when().post("/progress/reminders/devices/remove").then().statusCode(303)
                .header("Location", endsWith("/progress/reminders?done=removed"));
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).header("X-CSRF-TOKEN", page.csrfToken())
                .formParam("endpoint", "https://push.example/send/abc").redirects().follow(false)
                .when().post("/progress/reminders/devices/remove").then().statusCode(303);
        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie()).formParam("csrf-token", page.csrfToken())
                .formParam("id", "not-an-id").when().post("/progress/reminders/devices/remove").then().statusCode(400)
                .body(containsString("not in your list"));

        assertThat(StubServices.requests("DELETE", "/api/me/push-subscriptions")).extracting(StubServices.Recorded::query)
                .containsExactly("id=" + Fixtures.PATIENT_ID, "endpoint=https://push.example/send/abc");
        assertThat(StubServices.requests("DELETE", "/api/me/push-subscriptions")).allSatisfy(r ->
                assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }
}
