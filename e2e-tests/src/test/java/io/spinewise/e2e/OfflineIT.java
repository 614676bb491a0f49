package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today on a phone without a connection, in Chromium with its network cut for the page and its service
 * worker ({@link NetworkSwitch}): the app's install files (the manifest as Chromium parses it, its icons,
 * an active service worker); Today reloaded offline comes from the worker with the routine and its
 * pictures; a session checked off offline waits in the outbox ("saved on this phone"), not in
 * plan-service; with the network back it arrives exactly once, even when sent again, with its
 * performedAt (the phone's time) before its received time, and dated in the patient's zone though the
 * phone is set to another; signing out asks before it deletes what could
 * not be sent, so the next person on the phone reads nothing. axe-core passes offline too. Screenshots
 * {@code offline-*}.
 */
@ExtendWith(PagesOnFailure.class)
class OfflineIT {

    private static final String PASSWORD = "Thoracic-spine-2026";
    /**
     * The patient lives at UTC+14 and her phone is set to UTC-11: 25 hours apart, the phone's date is
     * never hers, so the check-off kept offline must be dated in her zone at whatever hour the test runs.
     */
    private static final String PATIENT_ZONE = "Pacific/Kiritimati";
    private static final String PHONE_ZONE = "Pacific/Pago_Pago";

    private static String username;
    private static String patientToken;

    @BeforeAll
    static void aPatientWithTodaysSessionOpen() {
        RunningPlatform.get();
        String email = "offline." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Olga", "lastName", "Offline", "email", email,
                "timeZone", PATIENT_ZONE)).post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        as(token("dr.ada")).body(Map.of("routine", "mid-back-relief", "schedule", Map.of(
                        "startDate", LocalDate.now(ZoneId.of(PATIENT_ZONE)).minusDays(1).toString(), "sessionsPerDay", 1)))
                .post(PLAN + "/api/patients/" + enrolled.path("patient.id") + "/plans").then().statusCode(201);
        username = enrolled.path("login.username");
        patientToken = RunningPlatform.logins().firstLogin(username, enrolled.path("login.temporaryPassword"), PASSWORD,
                "web-ui", "web-ui-dev-secret", WEB + "/callback");
    }

    @Test
    void aSessionCheckedOffOfflineArrivesOnceWhenTheNetworkIsBack() throws InterruptedException {
        try (Browser phone = new Browser(); NetworkSwitch network = new NetworkSwitch(phone.driver())) {
            phone.openAs(WEB + "/today", username, PASSWORD);
            phone.find("form.check-off");
            assertThat(phone.timeZone(PHONE_ZONE)).isEqualTo(PHONE_ZONE);
            assertThat(phone.find("form.check-off").getAttribute("data-time-zone")).isEqualTo(PATIENT_ZONE);
            installable(phone);

            network.online(false);
            phone.waitFor(d -> Boolean.FALSE.equals(phone.script("return navigator.onLine")));
            phone.driver().navigate().refresh();
            phone.find("form.check-off");
            assertThat(phone.script("return performance.getEntriesByType('navigation')[0].workerStart > 0"))
                    .as("Today came through the service worker").isEqualTo(true);
            assertThat(phone.text("h1")).isEqualTo("Today");
            picturesShow(phone);

            for (WebElement box : phone.findAll("input[name='done']")) {
                phone.script("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
            phone.click("button.save");
            phone.waitFor(d -> !phone.findAll("[data-outbox-notice]").isEmpty());
            assertThat(phone.text("[data-outbox-notice]"))
                    .isEqualTo("Saved on this phone: it will be sent when you are back online.");
            List<Object> kept = outbox(phone);
            assertThat(kept).hasSize(1);
            assertThat(checkOffs()).isEmpty();
            assertThat(phone.seriousAccessibilityViolations()).isEmpty();
            phone.screenshots("offline-saved");
            Thread.sleep(1500); // received a moment after it was performed

            network.online(true);
            // the page sends it (on the online event, or its next try; the worker may too, by Background Sync),
            // then reloads
            try {
                phone.waitFor(d -> !phone.findAll("#flash .notice.success").isEmpty(), Duration.ofSeconds(40));
            } catch (RuntimeException e) {
                phone.saveForDiagnosis("failed-offline-back-online");
                throw new AssertionError("not sent; the outbox: " + outbox(phone), e);
            }
            assertThat(outbox(phone)).isEmpty();
            assertThat(phone.text("#flash")).contains("The session saved on this phone has been sent.");
            phone.find(".session-done");
            List<Map<String, Object>> arrived = checkOffs();
            assertThat(arrived).hasSize(1);
            Instant performed = Instant.parse((String) arrived.get(0).get("performedAt"));
            Instant received = Instant.parse((String) arrived.get(0).get("recordedAt"));
            assertThat(performed).isBefore(received);

            // the same entry sent again, as after an answer lost on the way back: replayed, still once (with
            // the CSRF token of the page now on screen, as offline.js sends it)
            Object again = phone.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    const token = document.querySelector('input[data-csrf]').value;
                    SpinewiseOutbox.save(arguments[0]).then(() => SpinewiseOutbox.flush(token))
                      .then(r => done(r.map(o => o.state).join()), e => done(String(e)));
                    """, kept.get(0));
            assertThat(again).isEqualTo("sent");
            assertThat(checkOffs()).hasSize(1);
            phone.screenshots("offline-sent");
        }
    }

    @Test
    void signingOutWithCheckOffsThatCannotBeSentAsksAndThenDeletesThemFromThePhone() {
        try (Browser phone = new Browser(); NetworkSwitch network = new NetworkSwitch(phone.driver())) {
            phone.openAs(WEB + "/progress", username, PASSWORD);
            phone.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    SpinewiseOutbox.save({ key: 'kept-at-sign-out', fields: [['note', 'knee hurt at night']], csrf: '',
                      planId: 'p', date: '2026-01-01', slot: '1', performedAt: new Date().toISOString(), state: 'saved' })
                      .then(() => done(true), e => done(String(e)));
                    """);
            network.online(false);
            phone.waitFor(d -> Boolean.FALSE.equals(phone.script("return navigator.onLine")));

            phone.click("form[action='/logout'] button[type='submit']");
            Alert question = phone.waitFor(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).isEqualTo("Sessions saved on this phone have not been sent yet."
                    + " Sign out anyway and delete them from this phone?");
            question.dismiss();
            assertThat(phone.path()).isEqualTo("/progress");
            assertThat(outbox(phone)).hasSize(1);

            phone.click("form[action='/logout'] button[type='submit']");
            phone.waitFor(ExpectedConditions.alertIsPresent()).accept();
            // the sign-out itself cannot reach the server offline; what matters is that nothing is left behind
            network.online(true);
            phone.open(WEB + "/signed-out");
            assertThat(outbox(phone)).isEmpty();
        }
    }

    /** The manifest as Chromium parses it, its icons decoded, the service worker active. */
    private static void installable(Browser phone) {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) phone.driver().executeCdpCommand("Page.getAppManifest",
                Map.of());
        assertThat((List<?>) manifest.get("errors")).as("manifest errors").isEmpty();
        assertThat(manifest.get("url").toString()).endsWith("/manifest.webmanifest");
        Object state = phone.asyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => {
                    const worker = r.active;
                    if (worker.state === 'activated') { done(worker.state); return; }
                    worker.addEventListener('statechange', () => { if (worker.state === 'activated') done(worker.state); });
                });
                """);
        assertThat(state).isEqualTo("activated");
        Object icons = phone.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/manifest.webmanifest').then(r => r.json()).then(m => Promise.all(m.icons.map(i =>
                    new Promise(ok => { const img = new Image(); img.onload = () => ok(img.naturalWidth);
                                        img.onerror = () => ok(0); img.src = i.src; }))))
                  .then(done, e => done(String(e)));
                """);
        assertThat((List<?>) icons).hasSize(4).allSatisfy(w -> assertThat(((Number) w).intValue()).isPositive());
        // the page that installed the worker was not controlled by it: the next load is
        phone.driver().navigate().refresh();
        phone.waitFor(d -> Boolean.TRUE.equals(phone.script("return !!navigator.serviceWorker.controller")));
    }

    private static void picturesShow(Browser phone) {
        phone.waitFor(d -> Boolean.TRUE.equals(phone.script(
                "return [...document.querySelectorAll('.pictures img')].every(i => i.complete)")));
        List<WebElement> images = phone.findAll(".exercise-card .pictures img");
        assertThat(images).isNotEmpty();
        for (WebElement image : images) {
            Number width = (Number) phone.script("return arguments[0].naturalWidth", image);
            assertThat(width.intValue()).as("offline: " + image.getAttribute("src")).isPositive();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> outbox(Browser phone) {
        return (List<Object>) phone.asyncScript("""
                const done = arguments[arguments.length - 1];
                SpinewiseOutbox.all().then(done, () => done(null));
                """);
    }

    private static List<Map<String, Object>> checkOffs() {
        return as(patientToken).get(PLAN + "/api/me/export").then().statusCode(200).extract().jsonPath()
                .getList("checkOffs");
    }
}
