package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each role's main journey in a real (headless Debian) Chromium against the whole platform and
 * Keycloak's own login page: the chiropractor enrols a patient and prescribes "Mid-back relief";
 * the patient signs in with the one-time password, follows the routine with the hold timer and
 * checks the session off; the chiropractor sees it; the clinic administrator downloads the CSV.
 * Around it: role and CSRF refusals, escaping, a real sign-out. Every main page is checked with
 * axe-core and photographed at desktop and phone widths ({@code target/screenshots/}).
 *
 * <p>The journeys build on one another (one story), hence the fixed order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneysIT {

    private static final String TIME_ZONE = "Europe/Zurich";
    private static final String NEW_PASSWORD = "Thoracic-spine-2026";
    private static final String SCRIPT_NOTE = "Go slowly <script>window.__xss = 'note'</script>";
    private static final List<String> MAIN_PAGES = List.of("patients", "enrol", "prescribe", "patient", "today",
            "progress", "reports", "library", "audit", "signed-out");

    private static final Map<String, List<String>> ACCESSIBILITY = new LinkedHashMap<>();
    private static final String SURNAME = "Lindqvist";
    /** Unique, so that the journeys also run against a platform that has seen them before. */
    private static final String EMAIL = "rosa.lindqvist." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    private static Browser chiropractor;
    private static Browser patient;
    private static Browser administrator;
    private static String patientId;
    private static String username;
    private static String oneTimePassword;

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser browser : new Browser[] {chiropractor, patient, administrator}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of(TIME_ZONE));
    }

    /** Screenshots at both widths and the axe-core verdict, recorded for the last test. */
    private static void check(Browser browser, String page) {
        browser.screenshots(page);
        ACCESSIBILITY.put(page, browser.seriousAccessibilityViolations());
    }

    @Test
    @Order(1)
    void chiropractorEnrolsAPatientAndPrescribesMidBackRelief() {
        chiropractor = new Browser();
        chiropractor.openAs(WEB + "/", "dr.ada", "demo");
        assertThat(chiropractor.path()).isEqualTo("/attention");
        chiropractor.find("ol.attention-list");
        check(chiropractor, "attention");
        chiropractor.open(WEB + "/patients");
        chiropractor.find("table.patients-table");
        check(chiropractor, "patients");

        chiropractor.open(WEB + "/patients/new");
        check(chiropractor, "enrol");
        chiropractor.type("#firstName", "Rosa");
        chiropractor.type("#lastName", SURNAME);
        chiropractor.type("#email", EMAIL);
        new Select(chiropractor.find("#timeZone")).selectByValue(TIME_ZONE);
        chiropractor.click("form[action='/patients'] button[type='submit']");

        chiropractor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "is enrolled"));
        List<WebElement> codes = chiropractor.findAll(".credentials dd code");
        username = codes.get(0).getText();
        oneTimePassword = codes.get(1).getText();
        assertThat(username).isNotBlank();
        assertThat(oneTimePassword).isNotBlank();

        chiropractor.click("a[href$='/prescribe']");
        patientId = chiropractor.path().split("/")[2];
        new Select(chiropractor.find("#routine-pick")).selectByVisibleText("Mid-back relief");
        chiropractor.click("form.search-row button[type='submit']");
        chiropractor.waitFor(d -> d.findElements(By.cssSelector("fieldset.item-row")).size() == 4);
        // a three-second hold, so that the patient's timer runs out within the test
        WebElement wallExtension = row("thoracic-wall-extension");
        assertThat(new Select(wallExtension.findElement(By.name("item.kind"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("hold");
        WebElement amount = wallExtension.findElement(By.name("item.amount"));
        amount.clear();
        amount.sendKeys("3");
        row("cat-cow").findElement(By.name("item.note")).sendKeys(SCRIPT_NOTE);
        chiropractor.script("arguments[0].value = arguments[1]", chiropractor.find("input[name='startDate']"), today().toString());
        check(chiropractor, "prescribe");
        chiropractor.click("button[name='action'][value='save']");

        chiropractor.waitFor(d -> chiropractor.path().equals("/patients/" + patientId));
        assertThat(chiropractor.text("#plans-title + article")).contains("Mid-back relief", "Thoracic extension");
        check(chiropractor, "patient");
    }

    private static WebElement row(String exercise) {
        return chiropractor.find("fieldset.item-row:has(input[name='item.exercise'][value='" + exercise + "'])");
    }

    @Test
    @Order(2)
    void thePatientSignsInWithTheOneTimePasswordAndChecksOffWithTheHoldTimer() {
        patient = new Browser();
        patient.open(WEB + "/");
        patient.signIn(username, oneTimePassword);
        patient.chooseNewPassword(NEW_PASSWORD);
        patient.waitFor(d -> patient.url().startsWith(WEB));
        assertThat(patient.path()).isEqualTo("/today");
        assertThat(patient.text("main h2")).isEqualTo("Mid-back relief");
        // the chiropractor's note is text, not markup
        assertThat(patient.text("main")).contains(SCRIPT_NOTE);
        assertThat(patient.script("return window.__xss === undefined")).isEqualTo(true);
        check(patient, "today");

        tick("input[name='painBefore'][value='6']");
        WebElement card = patient.find(".exercise-card:has(input[name='done'][value='thoracic-wall-extension'])");
        WebElement done = card.findElement(By.cssSelector("input[name='done']"));
        assertThat(done.isSelected()).isFalse();
        card.findElement(By.cssSelector("[data-action='toggle']")).click();
        // the timer ticks the exercise off itself when the hold is over
        patient.waitFor(d -> done.isSelected(), Duration.ofSeconds(15));
        assertThat(card.findElement(By.cssSelector("input[name^='seconds.']")).getAttribute("value")).isEqualTo("3");
        for (WebElement box : patient.findAll("input[name='done']")) {
            if (!box.isSelected()) {
                patient.script("arguments[0].scrollIntoView({block: 'center'})", box);
                box.click();
            }
        }
        tick("input[name='painAfter'][value='3']");
        tick("input[name='difficulty'][value='2']");
        patient.type("textarea[name='note']", "Felt looser afterwards");
        patient.click("button.save");

        patient.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".session-done"), "Session 1 done"));
        patient.screenshots("today-done");

        patient.open(WEB + "/progress");
        patient.find("main h1");
        check(patient, "progress");

        // the device's own zone is one click away (not saved here: the later journeys count this
        // patient's sessions by the zone of enrolment; saving is covered by web-ui's and plan-service's tests)
        String deviceZone = (String) patient.script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
        patient.click("button[data-device-time-zone]");
        assertThat(patient.script("return document.getElementById('timeZone').value")).isEqualTo(deviceZone);
    }

    private static void tick(String radio) {
        WebElement input = patient.find(radio);
        WebElement label = input.findElement(By.xpath("./ancestor::label[1]"));
        patient.script("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
        assertThat(input.isSelected()).as(radio).isTrue();
    }

    @Test
    @Order(3)
    void theChiropractorSeesTheSession() {
        chiropractor.open(WEB + "/patients?q=" + SURNAME);
        WebElement row = chiropractor.find("#patient-rows tr:has(a[href='/patients/" + patientId + "'])");
        assertThat(row.getText()).contains("Rosa " + SURNAME).contains("100 %").contains("1 d");
        row.findElement(By.cssSelector("a")).click();
        assertThat(chiropractor.text(".stats")).contains("1 of 1 sessions").contains("100 %");
        // and the service agrees, in figures
        as(token("dr.ada")).get(PLAN + "/api/patients/" + patientId + "/adherence").then().statusCode(200)
                .body("completed", equalTo(1))
                .body("lastSession", equalTo(today().toString()));
    }

    @Test
    @Order(4)
    void theAdministratorDownloadsTheCsvReport() throws IOException {
        administrator = new Browser();
        administrator.openAs(WEB + "/", "admin.nora", "demo");
        assertThat(administrator.path()).isEqualTo("/admin/reports");
        administrator.waitFor(d -> administrator.find("#summary").getAttribute("aria-busy") == null
                || administrator.findAll("#summary table").size() > 0);
        check(administrator, "reports");

        administrator.click("a[href^='/admin/reports/adherence.csv']");
        List<String> lines = Files.readAllLines(administrator.downloaded(".csv"));
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).contains("patient_id", "date", "scheduled", "completed");
        String row = lines.stream().filter(l -> l.startsWith(patientId) && l.contains(today().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + patientId + " on " + today()));
        List<String> cells = List.of(row.split(","));
        assertThat(cells.get(header.indexOf("completed"))).isEqualTo("1");

        administrator.open(WEB + "/admin/library");
        administrator.find("main h1");
        check(administrator, "library");
        administrator.open(WEB + "/admin/audit");
        administrator.find("main h1");
        check(administrator, "audit");
    }

    @Test
    @Order(5)
    void aPatientCannotOpenStaffPages() {
        for (String page : List.of("/patients", "/patients/" + patientId, "/admin/reports", "/admin/audit")) {
            patient.open(WEB + page);
            assertThat(patient.text("main h1")).as(page).isEqualTo("Not allowed");
            assertThat(patient.text("main")).as(page).contains("Error 403").doesNotContain("Rosa " + SURNAME);
        }
        administrator.open(WEB + "/patients/new");
        assertThat(administrator.text("main h1")).isEqualTo("Not allowed");
        assertThat(administrator.findAll("form[action='/patients']")).isEmpty();
    }

    @Test
    @Order(6)
    void aPostWithoutTheCsrfTokenIsRefused() {
        chiropractor.open(WEB + "/patients/new");
        Object status = chiropractor.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/patients', { method: 'POST', credentials: 'same-origin',
                                     headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                                     body: 'firstName=No&lastName=Csrftoken&email=no.csrf%40example.org&timeZone=Europe%2FZurich' })
                  .then(r => done(r.status)).catch(e => done(String(e)));
                """);
        assertThat(((Number) status).intValue()).isIn(400, 403);
        as(token("dr.ada")).get(PLAN + "/api/patients?q=Csrftoken").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    @Order(7)
    void aPatientNameWithMarkupIsShownAsText() throws SQLException {
        Response enrolled = as(token("dr.ada"))
                .body(Map.of("firstName", "Xavier", "lastName", "Escape", "timeZone", TIME_ZONE,
                        "email", "xavier." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String id = enrolled.path("patient.id");
        // Keycloak refuses markup in names at enrolment; a record imported or edited elsewhere may
        // still hold it, and the pages must show it as text
        String name = "<script>window.__xss = 'name'</script>";
        try (Connection connection = RunningPlatform.connect("plan");
             PreparedStatement update = connection.prepareStatement("UPDATE patient SET last_name = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        chiropractor.open(WEB + "/patients?q=Xavier");
        assertThat(chiropractor.text("#patient-rows")).contains(name);
        chiropractor.open(WEB + "/patients/" + id);
        assertThat(chiropractor.text("main h1")).contains(name);
        assertThat(chiropractor.pageSource()).contains("&lt;script&gt;");
        assertThat(chiropractor.script("return window.__xss === undefined")).isEqualTo(true);
    }

    /**
     * Another site can send the browser to /logout by a link (a GET, which carries the Lax session
     * cookie) or post to it without the CSRF token: neither may end the session.
     */
    @Test
    @Order(8)
    void neitherALinkToLogoutNorAPostWithoutTheTokenSignsOut() {
        patient.open(WEB + "/logout");
        assertThat(patient.path()).isEqualTo("/logout");
        assertThat(patient.text("main")).contains("Error 405");
        assertThat(patient.findAll("form[action='/logout'] button")).hasSize(1);
        patient.open(WEB + "/today");
        assertThat(patient.path()).as("still signed in after GET /logout, at " + patient.url()).isEqualTo("/today");

        Object status = patient.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/logout', { method: 'POST', credentials: 'same-origin', redirect: 'manual',
                                   headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: '' })
                  .then(r => done(r.status)).catch(e => done(String(e)));
                """);
        assertThat(((Number) status).intValue()).isIn(400, 403);
        patient.open(WEB + "/today");
        assertThat(patient.path()).as("still signed in after a POST without the token, at " + patient.url()).isEqualTo("/today");
        assertThat(patient.onKeycloakLogin()).isFalse();
    }

    @Test
    @Order(9)
    void signingOutEndsTheSessionAtKeycloakToo() {
        patient.open(WEB + "/today");
        patient.click("form[action='/logout'] button");
        patient.waitFor(d -> patient.path().equals("/signed-out"));
        check(patient, "signed-out");
        patient.open(WEB + "/today");
        // not signed in again silently: Keycloak asks for the password
        assertThat(patient.onKeycloakLogin()).as("Keycloak's login page after sign-out, at " + patient.url()).isTrue();
    }

    @Test
    @Order(10)
    void everyMainPageHasNoSeriousOrCriticalAccessibilityViolation() {
        assertThat(ACCESSIBILITY.keySet()).containsAll(MAIN_PAGES);
        List<String> found = new ArrayList<>();
        ACCESSIBILITY.forEach((page, violations) -> violations.forEach(v -> found.add(page + ": " + v)));
        assertThat(found).isEmpty();
    }
}
