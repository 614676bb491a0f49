package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chiropractor's questionnaires in Chromium against the real services (docs/outcomes.md): dr.ada assigns NPRS to
 * a newly enrolled patient and sees it running; Paul's page shows the demo data's PSFS scores as a chart with the
 * verdict and its rule. Both pages pass axe-core.
 */
@ExtendWith(PagesOnFailure.class)
class QuestionnairesIT {

    @Test
    void aChiropractorAssignsNprsAndSeesItRunning() {
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Quinn", "lastName", "Questions",
                "email", "quinn." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "timeZone", "Europe/Zurich")).post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String patientId = enrolled.path("patient.id");
        Browser ada = SignedIn.as("dr.ada");
        ada.open(WEB + "/patients/" + patientId);
        assertThat(ada.text("section[aria-labelledby='questionnaires-title']")).contains("No questionnaire is running.");
        new Select(ada.find("#q-instrument")).selectByValue("NPRS");
        ada.submit("form.assign-questionnaire button[type='submit']");

        assertThat(ada.url()).endsWith("/patients/" + patientId + "#questionnaires-title");
        assertThat(ada.text("section[aria-labelledby='questionnaires-title'] table")).contains("(NPRS)", "once");
        assertThat(ada.seriousAccessibilityViolations()).as("axe-core on the patient page").isEmpty();
    }

    @Test
    void paulsPageShowsThePsfsChartFromTheDemoData() {
        String paulId = as(token("patient.paul")).get(PLAN + "/api/me/adherence").then().statusCode(200)
                .extract().path("patientId");
        Browser ada = SignedIn.as("dr.ada");
        ada.open(WEB + "/patients/" + paulId);
        String section = ada.text("section[aria-labelledby='questionnaires-title']");
        assertThat(section).contains("(PSFS)", "baseline", "latest", "change");
        assertThat(ada.findAll("#outcome-psfs-title")).hasSize(1);
        assertThat(ada.findAll("svg[aria-labelledby='outcome-psfs-title'] .mcid-band")).hasSize(1);
        assertThat(ada.seriousAccessibilityViolations()).as("axe-core with the charts").isEmpty();
        ada.screenshots("questionnaires-patient");
    }
}
