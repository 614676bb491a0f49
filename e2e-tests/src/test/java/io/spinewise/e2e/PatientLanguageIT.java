package io.spinewise.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo patient chooses French on Progress in Chromium: plan-service keeps the choice, and Today
 * comes in French (the catalog's exercise texts stay English, marked so), with no serious
 * accessibility violation. patient.sam, whom no other browser test uses, is set back to English.
 */
@ExtendWith(PagesOnFailure.class)
class PatientLanguageIT {

    @Test
    void aDemoPatientSwitchesToFrenchAndSeesTodayInFrench() {
        Browser sam = SignedIn.as("patient.sam");
        try {
            sam.open(WEB + "/progress");
            assertThat(pageLanguage(sam)).isEqualTo("en");
            new Select(sam.find("#language")).selectByValue("fr");
            sam.click("form.language-change button[type='submit']");
            sam.waitFor(d -> "fr".equals(pageLanguage(sam)));
            assertThat(sam.text("h1")).isEqualTo("Mes progrès");
            assertThat(as(token("patient.sam")).get(PLAN + "/api/me").<String>path("language")).isEqualTo("fr");

            sam.open(WEB + "/today");
            assertThat(pageLanguage(sam)).isEqualTo("fr");
            assertThat(sam.text("h1")).isEqualTo("Aujourd'hui");
            assertThat(sam.text("header nav")).contains("Progrès", "Se déconnecter");
            assertThat(sam.text(".exercise-card summary")).isEqualTo("Comment faire");
            assertThat(sam.find(".exercise-card h3").getAttribute("lang")).isEqualTo("en");
            assertThat(sam.seriousAccessibilityViolations()).isEmpty();
            sam.screenshots("today-fr");
        } finally {
            as(token("patient.sam")).body(Map.of("language", "en")).patch(PLAN + "/api/me").then().statusCode(200);
        }
    }

    private static String pageLanguage(Browser browser) {
        return String.valueOf(browser.script("return document.documentElement.lang"));
    }
}
