package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The clinic administrator's report and audit pages against the real services: a period chosen
 * in the report form gives a summary and a patient PDF for exactly that period (the PDF's text
 * read back), with the figures plan-service counts for it; the clinic settings are changed (a
 * range plan-service refuses is shown by its field); the audit log filtered by a patient found
 * by name shows that download.
 */
@ExtendWith(PagesOnFailure.class)
class AdminPagesIT {

    private static final String PAUL = "Paul Meyer";
    private static String paulId;
    private static LocalDate paulsToday;

    @BeforeAll
    static void paulHasTheDemoHistory() {
        Response me = as(token("patient.paul")).get(PLAN + "/api/me/adherence");
        me.then().statusCode(200);
        paulId = me.path("patientId");
        paulsToday = LocalDate.parse(me.path("today"));
    }

    @Test
    void aPatientPdfForAChosenPeriodCoversThatPeriod() throws IOException {
        LocalDate from = paulsToday.minusDays(34);
        LocalDate to = paulsToday.minusDays(14);
        Browser admin = SignedIn.as("admin.nora");
        admin.open(WEB + "/admin/reports");
        admin.script("arguments[0].value = arguments[1]; arguments[2].value = arguments[3]",
                admin.find("#from"), from.toString(), admin.find("#to"), to.toString());
        admin.click("form.search-row button[type='submit']");
        // the new page's summary (htmx, after the page), not the default period's still on screen
        admin.waitFor(d -> admin.url().contains("from=" + from + "&to=" + to));
        WebElement row = admin.waitFor(d -> d.findElements(By.xpath(
                "//div[@id='summary']//tr[th[normalize-space()='" + PAUL + "']]")).stream().findFirst().orElse(null));

        // the figures as the chiropractor's patient page reads them (an administrator sees them in reports only)
        Response figures = as(token("dr.ada")).get(PLAN + "/api/patients/" + paulId + "/adherence?from=" + from + "&to=" + to);
        figures.then().statusCode(200);
        int scheduled = figures.path("scheduled");
        int completed = figures.path("completed");
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(cells.get(0).getText()).isEqualTo(String.valueOf(scheduled));
        assertThat(cells.get(1).getText()).isEqualTo(String.valueOf(completed));
        assertThat(scheduled).as("the demo history has a session every day of the period").isEqualTo(21);

        row.findElement(By.cssSelector("a[href*='.pdf']")).click();
        String text = Pdfs.text(admin.downloaded("patient-" + paulId + "-" + from + "-to-" + to + ".pdf"));
        assertThat(text).contains("Home exercise summary: " + PAUL)
                .contains("Period " + from + " to " + to)
                .contains("Overall: " + completed + " of " + scheduled + " sessions");
        assertThat(Pdfs.weekRows(text)).containsExactlyElementsOf(Pdfs.mondays(from, to));
    }

    @Test
    void theClinicSettingsAreChangedAndARangePlanServiceRefusesIsShownByItsField() {
        Browser admin = SignedIn.as("admin.nora");
        Map<String, Object> before = as(token("admin.nora")).get(PLAN + "/api/clinic/settings").then().statusCode(200)
                .extract().path("$");
        try {
            admin.open(WEB + "/admin/reports");
            admin.click("nav a[href='/admin/settings']");
            assertThat(admin.find("#painThreshold").getAttribute("value")).isEqualTo(String.valueOf(before.get("painThreshold")));
            assertThat(admin.seriousAccessibilityViolations()).as("axe-core on the settings page").isEmpty();

            admin.type("#lowAdherencePercent", "150");
            admin.click("form[action='/admin/settings'] button[type='submit']");
            assertThat(admin.text("#lowAdherencePercent-error")).isEqualTo("must be between 0 and 100");
            assertThat(admin.find("#lowAdherencePercent").getAttribute("aria-describedby")).isEqualTo("lowAdherencePercent-error");
            assertThat(as(token("admin.nora")).get(PLAN + "/api/clinic/settings").<Map<String, Object>>path("$"))
                    .isEqualTo(before);

            admin.type("#lowAdherencePercent", "75");
            admin.type("#inactiveDays", "3");
            admin.type("#painRise", "3");
            admin.click("form[action='/admin/settings'] button[type='submit']");
            assertThat(admin.text("section[aria-labelledby='settings-title'] .notice.success")).startsWith("Saved.");
            as(token("admin.nora")).get(PLAN + "/api/clinic/settings").then().statusCode(200)
                    .body("lowAdherencePercent", equalTo(75)).body("inactiveDays", equalTo(3)).body("painRise", equalTo(3))
                    .body("painThreshold", equalTo(before.get("painThreshold")));
        } finally {
            as(token("admin.nora")).body(before).put(PLAN + "/api/clinic/settings").then().statusCode(200);
        }
    }

    @Test
    void theInstrumentsPageShowsLicenceStatusAndATextThatDoesNotFitIsShownByTheItem() {
        Browser admin = SignedIn.as("admin.nora");
        admin.open(WEB + "/admin/reports");
        admin.click("nav a[href='/admin/instruments']");
        assertThat(admin.text("main table")).contains("(NPRS)", "Ships with Spinewise", "(RMDQ)",
                "None: needs a licence", "(ODI)");
        assertThat(admin.seriousAccessibilityViolations()).as("axe-core on the instruments page").isEmpty();

        admin.click("a[href='/admin/instruments/RMDQ']");
        assertThat(admin.findAll("form fieldset legend")).hasSize(25); // the licence and the 24 statements
        admin.type("#licenceHolder", "Northside Chiropractic");
        admin.type("#licenceReference", "E2E-1");
        admin.type("#title", "Clinic back questionnaire");
        admin.type("#item-0-text", "Clinic <b>statement</b> 1");
        admin.click("form[action='/admin/instruments/RMDQ'] button[type='submit']");
        assertThat(admin.text("#item-0-text-error")).startsWith("must be plain text");
        assertThat(admin.text("#item-1-text-error")).isEqualTo("is required");
        assertThat(admin.find("#item-0-options").getAttribute("aria-describedby")).isEqualTo("item-0-options-error");
        assertThat(admin.seriousAccessibilityViolations()).as("axe-core on the refused text form").isEmpty();
        as(token("dr.ada")).get(PLAN + "/api/instruments/RMDQ").then().statusCode(200)
                .body("assignable", equalTo(false));
    }

    @Test
    void theAuditLogFilteredByAPatientFoundByNameShowsTheirEvents() {
        // something to find: the administrator reads Paul's PDF (audited as report.patient.pdf)
        as(token("admin.nora")).get(PLAN + "/api/reports/patients/" + paulId + ".pdf").then().statusCode(200);
        Browser admin = SignedIn.as("admin.nora");
        admin.open(WEB + "/admin/audit");
        admin.type("#find", "Meyer");
        admin.click("form.search-row button[type='submit']");
        // one match filters at once: the patient is named above the list, with their id
        assertThat(admin.text(".chosen-patient")).contains(PAUL).contains(paulId);
        List<WebElement> rows = admin.findAll(".audit-table tbody tr");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.getText()).contains(PAUL));
        assertThat(rows.stream().map(WebElement::getText)).anySatisfy(r -> assertThat(r).contains("report.patient.pdf"));
    }
}
