package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.TimeoutException;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders through the pages, against the real services and Keycloak in Chromium: a patient turns on reminders
 * on their browser and removes it again, goes back to the clinic's default after choosing their own, an
 * administrator's clinic default shows on a new patient's page, and a chiropractor sees the reminders sent to a
 * patient. axe-core passes on the reminder page in each state.
 *
 * <p>What is real in the push test and what is not: the page, its script, the permission (granted through the
 * DevTools protocol, as a person would in the browser's prompt), web-ui's route with the page's CSRF token,
 * plan-service and its database are the real ones. The push service is not: headless Chromium in the tests'
 * network namespace reaches no push service on the internet, so {@code pushManager.subscribe} fails there; the
 * test then hands the page script's own sending path ({@code SpinewisePush.send}, what the button calls with
 * the browser's subscription) a well-formed subscription it made itself (a fresh P-256 key and auth secret, an
 * endpoint on a {@code .invalid} host). That a push reaches and is decrypted by a browser is plan-service's
 * {@code WebPushTest}.
 */
@ExtendWith(PagesOnFailure.class)
class RemindersIT {

    private static final String PASSWORD = "Thoracic-spine-2026";
    private static final String ZONE = "Europe/Berlin";
    private static final String PAGE = WEB + "/progress/reminders";

    private static String username;
    private static String patientToken;

    @BeforeAll
    static void aNewPatientWithTodaysSessionOpen() {
        RunningPlatform.get();
        String email = "rita." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Rita", "lastName", "Reminder", "email", email,
                "timeZone", ZONE)).post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        as(token("dr.ada")).body(Map.of("routine", "mid-back-relief", "schedule", Map.of(
                        "startDate", LocalDate.now(ZoneId.of(ZONE)).minusDays(1).toString(), "sessionsPerDay", 1)))
                .post(PLAN + "/api/patients/" + enrolled.path("patient.id") + "/plans").then().statusCode(201);
        username = enrolled.path("login.username");
        patientToken = RunningPlatform.logins().firstLogin(username, enrolled.path("login.temporaryPassword"), PASSWORD,
                "web-ui", "web-ui-dev-secret", WEB + "/callback");
    }

    @Test
    void aPatientTurnsOnRemindersOnTheirBrowserAndRemovesItAgain() throws Exception {
        try (Browser phone = new Browser()) {
            phone.openAs(PAGE, username, PASSWORD);
            phone.find("#push-device");
            try {
                phone.driver().executeCdpCommand("Browser.grantPermissions",
                        Map.of("origin", WEB, "permissions", List.of("notifications")));
            } catch (RuntimeException e) {
                // an older Chromium: the prompt's answer is then the browser's default, and the fallback below runs
            }
            assertThat(phone.find("#push-unsupported").isDisplayed()).as("this browser has push").isFalse();
            assertThat(phone.seriousAccessibilityViolations()).as("axe-core, no device yet").isEmpty();

            phone.click("#push-subscribe");
            if (!subscribedOrRefused(phone)) {
                // no push service reachable from here: the page's own sending path, with a well-formed subscription
                Object sent = phone.asyncScript("""
                        const done = arguments[arguments.length - 1];
                        SpinewisePush.send(arguments[0]).then(() => done('sent'), e => done(String(e)));
                        """, subscription());
                assertThat(sent).isEqualTo("sent");
                phone.open(PAGE + "?done=added");
            }
            assertThat(phone.text(".notice.success")).isEqualTo("This device will receive your reminders.");
            assertThat(phone.findAll("table.push-devices tbody tr")).hasSize(1);
            assertThat(phone.text("table.push-devices tbody tr td")).contains("Chrome");
            assertThat(phone.find("#push").isSelected()).as("the PUSH channel is on").isTrue();
            assertThat(phone.pageSource()).doesNotContain(patientToken);
            assertThat(phone.seriousAccessibilityViolations()).as("axe-core, one device").isEmpty();
            phone.screenshots("reminders-push-device");
            assertThat(as(patientToken).get(PLAN + "/api/me/push-subscriptions").then().statusCode(200)
                    .extract().<List<?>>path("$")).hasSize(1);
            assertThat(as(patientToken).get(PLAN + "/api/me/reminders").then().statusCode(200)
                    .extract().<List<String>>path("channels")).contains("PUSH");

            phone.submit("table.push-devices form button[type='submit']");
            assertThat(phone.text(".notice.success")).isEqualTo("That device will receive no more reminders.");
            assertThat(phone.findAll("table.push-devices")).isEmpty();
            assertThat(as(patientToken).get(PLAN + "/api/me/push-subscriptions").then().statusCode(200)
                    .extract().<List<?>>path("$")).isEmpty();
        } finally {
            as(patientToken).delete(PLAN + "/api/me/reminders").then().statusCode(204);
        }
    }

    @Test
    void thePatientGoesBackToTheClinicsDefaultAfterChoosingTheirOwn() {
        try (Browser phone = new Browser()) {
            phone.openAs(PAGE, username, PASSWORD);
            String clinicTime = phone.find("#remindAt").getAttribute("value");
            String own = "21:15".equals(clinicTime) ? "21:45" : "21:15";
            phone.script("arguments[0].value = arguments[1]", phone.find("#remindAt"), own);
            phone.submit("form.reminders button[type='submit']");
            assertThat(phone.text(".reminder-state")).isEqualTo("These are the settings you chose.");

            phone.submit("form.reminders-reset button[type='submit']");
            assertThat(phone.text(".notice.success"))
                    .isEqualTo("Your own choice is forgotten: your clinic's default settings apply again.");
            assertThat(phone.text(".reminder-state")).isEqualTo("Your clinic's default settings apply until you save your own.");
            assertThat(phone.find("#remindAt").getAttribute("value")).isEqualTo(clinicTime);
            assertThat(phone.findAll("form.reminders-reset")).isEmpty();
            assertThat(phone.seriousAccessibilityViolations()).as("axe-core, back to the default").isEmpty();
            assertThat(as(patientToken).get(PLAN + "/api/me/reminders").then().statusCode(200)
                    .extract().<Boolean>path("chosen")).isFalse();
        }
    }

    /** Without channels, so that no patient of the clinic is reminded meanwhile; set back afterwards. */
    @Test
    void theClinicDefaultAnAdministratorSetsShowsOnANewPatientsPage() {
        Map<String, Object> before = as(token("admin.nora")).get(PLAN + "/api/clinic/reminder-default").then()
                .statusCode(200).extract().path("$");
        String time = "06:45".equals(before.get("remindAt")) ? "06:50" : "06:45";
        Browser nora = SignedIn.as("admin.nora");
        try {
            nora.open(WEB + "/admin/settings");
            if (nora.find("form.reminder-default #email").isSelected()) {
                nora.click("form.reminder-default #email");
            }
            nora.script("arguments[0].value = arguments[1]", nora.find("form.reminder-default #remindAt"), time);
            nora.submit("form.reminder-default button[type='submit']");
            assertThat(nora.find("form.reminder-default #remindAt").getAttribute("value")).isEqualTo(time);

            try (Browser phone = new Browser()) {
                phone.openAs(PAGE, username, PASSWORD);
                assertThat(phone.text(".reminder-state"))
                        .isEqualTo("Your clinic's default settings apply until you save your own.");
                assertThat(phone.find("#remindAt").getAttribute("value")).isEqualTo(time);
                assertThat(phone.find("#email").isSelected()).isFalse();
            }
        } finally {
            Map<String, Object> back = new HashMap<>(before);
            back.keySet().retainAll(List.of("channels", "remindAt"));
            as(token("admin.nora")).body(back).put(PLAN + "/api/clinic/reminder-default").then().statusCode(200);
        }
    }

    /**
     * The launcher turns the demo patients' e-mail reminders on for two minutes after its first start, so a
     * reminder is sent to each whose session of that day is open; this waits for one of dr.ada's patients'.
     */
    @Test
    void theChiropractorSeesTheRemindersSentToAPatient() throws InterruptedException {
        String ada = token("dr.ada");
        List<String> patients = as(ada).get(PLAN + "/api/dashboard?size=100").then().statusCode(200)
                .extract().path("items.patientId");
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        Optional<String> reminded = Optional.empty();
        while (reminded.isEmpty() && System.nanoTime() < until) {
            reminded = patients.stream().filter(id -> as(token("dr.ada")).get(PLAN + "/api/patients/" + id
                    + "/reminders").then().statusCode(200).extract().<List<String>>path("items.status")
                    .contains("SENT")).findFirst();
            if (reminded.isEmpty()) {
                Thread.sleep(5000);
            }
        }
        assertThat(reminded).as("a demo patient of dr.ada's was sent a reminder").isPresent();

        Browser chiropractor = SignedIn.as("dr.ada");
        chiropractor.open(WEB + "/patients/" + reminded.get());
        assertThat(chiropractor.text("#reminders-title")).isEqualTo("Reminders sent (last 14 days)");
        assertThat(chiropractor.text("p.reminders-line")).matches("[1-9]\\d* sent, .*");
        chiropractor.click("details.reminders-sent summary");
        assertThat(chiropractor.text("details.reminders-sent table")).contains("Sent");
    }

    /**
     * Whether the browser subscribed (the page went on to "added"); false when the script said it could not
     * (no push service reachable) or said nothing within 15 s.
     */
    private static boolean subscribedOrRefused(Browser phone) {
        try {
            return "added".equals(phone.waitFor(d -> {
                try {
                    return phone.script("""
                            if (location.search.indexOf('done=added') >= 0) { return 'added'; }
                            var box = document.getElementById('push-device');
                            var said = document.getElementById('push-message').textContent;
                            return said && said !== box.dataset.working ? 'refused' : null;
                            """);
                } catch (RuntimeException navigating) {
                    return null;
                }
            }, Duration.ofSeconds(15)));
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** A browser's subscription as PushSubscription.toJSON() gives it: a P-256 point and a 16-byte secret. */
    private static Map<String, Object> subscription() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return Map.of("endpoint", "https://push.invalid/e2e/" + UUID.randomUUID(),
                "keys", Map.of("p256dh", base64url.encodeToString(point), "auth", base64url.encodeToString(auth)));
    }

    /** A coordinate as 32 bytes, big-endian, without the sign byte BigInteger may add. */
    private static void copy(BigInteger coordinate, byte[] into, int at) {
        byte[] bytes = coordinate.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, at + 32 - length, length);
    }
}
