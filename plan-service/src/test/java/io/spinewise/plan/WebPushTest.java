package io.spinewise.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.plan.push.P256;
import io.spinewise.plan.service.ReminderPlanner;
import io.spinewise.plan.service.ReminderSender;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.ReminderPreferencesTest.choice;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Reminders by Web Push end to end but for the browser vendors' push services, which are outside the platform:
 * {@link PushServiceResource} stands in for one (HTTPS on a local port) and {@link TestBrowser} for the browser.
 * The test checks what a real push service checks (the VAPID JWT: ES256 with the announced key, aud = the
 * endpoint's origin, exp within 24 h, sub) and decrypts the payload as the browser would (RFC 8291).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = PushServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class WebPushTest {

    private static final String SUBSCRIPTIONS = "/api/me/push-subscriptions";
    private static final String SENT = "/api/me/reminders/sent";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ReminderPlanner planner;

    @Inject
    ReminderSender sender;

    @Test
    void aSubscribedBrowserGetsTheReminderSignedWithVapidAndEncryptedForItInThePatientsLanguage() throws Exception {
        EnrolledPatient lea = pushedDaily("Lea", "11:00");
        as(lea.token()).body(Map.of("language", "fr")).patch("/api/me").then().statusCode(200);
        TestBrowser phone = subscribed(lea);

        planner.planDue();
        planner.planDue();
        sender.sendDue();
        sender.sendDue();

        List<PushServiceResource.Received> pushes = PushServiceResource.received(phone.path);
        assertThat(pushes).hasSize(1);
        PushServiceResource.Received push = pushes.get(0);
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("14400");
        assertThat(push.header("Urgency")).isEqualTo("normal");
        assertVapid(push.header("Authorization"));
        JsonNode message = JSON.readTree(phone.decrypt(push.body()));
        assertThat(message.get("title").asText()).isEqualTo("C'est l'heure de vos exercices");
        assertThat(message.get("body").asText()).startsWith("Une séance de vos exercices à domicile");
        assertThat(message.get("url").asText()).isEqualTo("http://localhost:8080/today");
        assertThat(message.size()).isEqualTo(3);
        assertThat(message.toString()).doesNotContainIgnoringCase("mid-back").doesNotContain("cat-cow", "Lea");
        as(lea.token()).get(SENT).then().statusCode(200).body("total", is(1))
                .body("items[0].channel", is("PUSH")).body("items[0].status", is("SENT"));
        as(lea.token()).get(SUBSCRIPTIONS).then().statusCode(200).body("", hasSize(1))
                .body("[0].userAgent", is("Firefox on Android"))
                .body("[0].lastSuccessAt", notNullValue());
    }

    @Test
    void aBrowserThePushServiceCallsGoneIsUnsubscribedAndWithNoneLeftTheReminderIsSkipped() throws Exception {
        EnrolledPatient max = pushedDaily("Max", "11:00");
        TestBrowser old = subscribed(max);
        PushServiceResource.answer(old.path, 410);

        planner.planDue();
        sender.sendDue();

        assertThat(PushServiceResource.received(old.path)).hasSize(1);
        as(max.token()).get(SUBSCRIPTIONS).then().statusCode(200).body("", hasSize(0));
        as(max.token()).get(SENT).then().statusCode(200).body("items[0].status", is("SKIPPED"))
                .body("items[0].detail", is("no browser subscribed"));
    }

    @Test
    void aPushServiceThatIsBusyIsTriedAgainLater() {
        EnrolledPatient ben = pushedDaily("Ben", "11:00");
        TestBrowser busy = subscribed(ben);
        PushServiceResource.answer(busy.path, 503);

        planner.planDue();
        sender.sendDue();

        as(ben.token()).get(SENT).then().statusCode(200).body("items[0].status", is("PENDING"))
                .body("items[0].detail", is("push not accepted: push service answered 503"));
        as(ben.token()).get(SUBSCRIPTIONS).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void threeSendersAtOncePushEachReminderOnce() throws Exception {
        List<TestBrowser> browsers = List.of(subscribed(pushedTwiceADay("Ana")), subscribed(pushedTwiceADay("Bo")),
                subscribed(pushedTwiceADay("Cy")));

        Concurrently.run(3, planner::planDue);
        Concurrently.run(3, sender::sendDue);

        for (TestBrowser b : browsers) {
            assertThat(PushServiceResource.received(b.path)).hasSize(2);
        }
    }

    @Test
    void theSameBrowserAgainIsTheSameSubscriptionAndAnotherPatientTakesItOver() {
        EnrolledPatient ida = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ida", Noon.zone());
        EnrolledPatient jo = Fixtures.enrol(NORTH_CHIRO, NORTH, "Jo", Noon.zone());
        TestBrowser shared = new TestBrowser();
        as(ida.token()).body(shared.subscription()).post(SUBSCRIPTIONS).then().statusCode(201)
                .body("endpoint", is(shared.endpoint()));
        as(ida.token()).body(shared.subscription()).post(SUBSCRIPTIONS).then().statusCode(200);
        as(ida.token()).get(SUBSCRIPTIONS).then().body("", hasSize(1));

        as(jo.token()).delete(SUBSCRIPTIONS + "?endpoint=" + shared.endpoint()).then().statusCode(204);
        as(ida.token()).get(SUBSCRIPTIONS).then().body("", hasSize(1));

        as(jo.token()).body(shared.subscription()).post(SUBSCRIPTIONS).then().statusCode(200);
        as(ida.token()).get(SUBSCRIPTIONS).then().body("", hasSize(0));
        String id = as(jo.token()).get(SUBSCRIPTIONS).then().body("", hasSize(1)).extract().path("[0].id");
        as(jo.token()).delete(SUBSCRIPTIONS + "?id=" + id).then().statusCode(204);
        as(jo.token()).get(SUBSCRIPTIONS).then().body("", hasSize(0));
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        EnrolledPatient ola = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ola", Noon.zone());
        TestBrowser b = new TestBrowser();
        refused(ola, with(b, "endpoint", "http://push.example/abc"), "endpoint");
        refused(ola, with(b, "endpoint", "https://push.example/" + "a".repeat(1024)), "endpoint");
        refused(ola, with(b, "endpoint", null), "endpoint");
        refused(ola, withKeys(b, P256.encode(new byte[64]), P256.encode(b.auth)), "keys.p256dh");
        refused(ola, withKeys(b, P256.encode(new byte[65]), P256.encode(b.auth)), "keys.p256dh");
        refused(ola, withKeys(b, "not base64!", P256.encode(b.auth)), "keys.p256dh");
        refused(ola, withKeys(b, P256.encode(b.publicKey), P256.encode(new byte[15])), "keys.auth");
        refused(ola, withKeys(b, P256.encode(b.publicKey), P256.encode(new byte[17])), "keys.auth");
        refused(ola, with(b, "keys", null), "keys");
        as(ola.token()).get(SUBSCRIPTIONS).then().statusCode(200).body("", hasSize(0));
        as(ola.token()).delete(SUBSCRIPTIONS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aPatientMayHaveTenBrowsersAndSeesThePublicKey() {
        EnrolledPatient tim = Fixtures.enrol(NORTH_CHIRO, NORTH, "Tim", Noon.zone());
        for (int i = 0; i < 10; i++) {
            subscribed(tim);
        }
        as(tim.token()).body(new TestBrowser().subscription()).post(SUBSCRIPTIONS).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        as(tim.token()).get(SUBSCRIPTIONS + "/public-key").then().statusCode(200).body("available", is(true))
                .body("publicKey", is(P256.encode(PushServiceResource.vapidPublicKey())));
        as(NORTH_CHIRO).get(SUBSCRIPTIONS + "/public-key").then().statusCode(403);
        as(NORTH_CHIRO).get(SUBSCRIPTIONS).then().statusCode(403);
    }

    /** What a push service checks of {@code Authorization: vapid t=JWT, k=key} (RFC 8292). */
    private static void assertVapid(String authorization) throws Exception {
        assertThat(authorization).startsWith("vapid t=");
        String[] parts = authorization.substring("vapid ".length()).split(",\\s*");
        String jwt = parts[0].substring(2);
        byte[] key = Base64.getUrlDecoder().decode(parts[1].substring(2));
        assertThat(key).isEqualTo(PushServiceResource.vapidPublicKey());
        String[] jws = jwt.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jws[0]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(P256.publicKey(key));
        es256.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(jws[2]))).as("ES256 signature").isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jws[1]));
        assertThat(claims.get("aud").asText()).isEqualTo(PushServiceResource.origin());
        long exp = claims.get("exp").asLong();
        assertThat(exp).isGreaterThan(Instant.now().getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().plusSeconds(24 * 3600).getEpochSecond());
        assertThat(claims.get("sub").asText()).isEqualTo("mailto:ops@spinewise.invalid");
    }

    private static void refused(EnrolledPatient p, Map<String, Object> body, String field) {
        as(p.token()).body(body).post(SUBSCRIPTIONS).then().statusCode(400).contentType(PROBLEM_JSON)
                .body(containsString(field));
    }

    private static Map<String, Object> with(TestBrowser b, String field, Object value) {
        Map<String, Object> body = new HashMap<>(b.subscription());
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> withKeys(TestBrowser b, String p256dh, String auth) {
        return with(b, "keys", Map.of("p256dh", p256dh, "auth", auth));
    }

    private static TestBrowser subscribed(EnrolledPatient p) {
        TestBrowser browser = new TestBrowser();
        as(p.token()).body(browser.subscription()).post(SUBSCRIPTIONS).then().statusCode(201);
        return browser;
    }

    /** A patient in a zone where it is now about noon, reminded by push only at {@code at}, daily. */
    private static EnrolledPatient pushedDaily(String name, String at) {
        EnrolledPatient p = pushed(name, at);
        Fixtures.dailyPlan(NORTH_CHIRO, p);
        return p;
    }

    /** Two sessions a day, reminded at 06:00 and 09:00, both due at noon. */
    private static EnrolledPatient pushedTwiceADay(String name) {
        EnrolledPatient p = pushed(name, "06:00");
        Fixtures.prescribe(NORTH_CHIRO, p.id(), fromRoutine("mid-back-relief", schedule(p.today(), 2)));
        return p;
    }

    private static EnrolledPatient pushed(String name, String at) {
        EnrolledPatient p = Fixtures.enrol(NORTH_CHIRO, NORTH, name, Noon.zone());
        as(p.token()).body(choice(List.of("PUSH"), at, null, null)).put("/api/me/reminders").then().statusCode(200);
        return p;
    }
}
