package io.spinewise.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.UUID;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A due questionnaire answered in Chromium against the real services (docs/outcomes.md): a patient of its own
 * (so that the demo patient's due questionnaires stay as LauncherIT expects them) is assigned the pain rating,
 * sees it due on Today, answers it on its page and is back on Today with thanks; plan-service has the score.
 */
@ExtendWith(PagesOnFailure.class)
class QuestionnaireIT {

    private static final String TIME_ZONE = "Europe/Zurich";
    private static final String NEW_PASSWORD = "Thoracic-spine-2026";

    @Test
    void aPatientAnswersTheDuePainRatingOnThePhone() {
        String email = "nora.q." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada"))
                .body(Map.of("firstName", "Nina", "lastName", "Quest", "email", email, "timeZone", TIME_ZONE))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String patientId = enrolled.path("patient.id");
        String username = enrolled.path("login.username");
        as(token("dr.ada")).body(Map.of("instrument", "NPRS")).post(PLAN + "/api/patients/" + patientId + "/assessments")
                .then().statusCode(201);
        String patientToken = RunningPlatform.logins().firstLogin(username, enrolled.path("login.temporaryPassword"),
                NEW_PASSWORD, "web-ui", "web-ui-dev-secret", WEB + "/callback");

        try (Browser patient = new Browser()) {
            patient.openAs(WEB + "/today", username, NEW_PASSWORD);
            assertThat(patient.text("section[aria-labelledby='questionnaires-title']")).contains("Questionnaire due",
                    "Numeric Pain Rating Scale");
            assertThat(patient.seriousAccessibilityViolations()).as("axe-core on Today").isEmpty();

            patient.submit("section[aria-labelledby='questionnaires-title'] a");
            assertThat(patient.path()).startsWith("/today/questionnaires/");
            assertThat(patient.text("main")).contains("Your pain over the last 24 hours");
            assertThat(patient.seriousAccessibilityViolations()).as("axe-core on the questionnaire").isEmpty();
            patient.screenshots("questionnaire");

            WebElement four = patient.find("input[name='answers.pain'][value='4']");
            WebElement label = four.findElement(By.xpath("./ancestor::label[1]"));
            patient.script("arguments[0].scrollIntoView({block: 'center'})", label);
            label.click();
            assertThat(four.isSelected()).isTrue();
            patient.submit("form.questionnaire button[type='submit']");

            assertThat(patient.url()).endsWith("/today?saved=questionnaire");
            assertThat(patient.text("main")).contains("Thank you, saved.").doesNotContain("Questionnaire due");
        }

        JsonPath outcomes = as(patientToken).get(PLAN + "/api/me/outcomes").then().statusCode(200).extract().jsonPath();
        assertThat(outcomes.getList("find { it.instrument == 'NPRS' }.scores")).hasSize(1);
        assertThat(outcomes.getDouble("find { it.instrument == 'NPRS' }.latest")).isEqualTo(4.0);
        assertThat(as(patientToken).get(PLAN + "/api/me/assessments/due").jsonPath().getList("$")).isEmpty();
    }
}
