package io.spinewise.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo patient chooses French, then German, on Progress in Chromium: plan-service keeps the
 * choice, and Today comes in that language, the shipped exercises' texts included (the catalog's
 * translations, each marked with its language), with no serious accessibility violation.
 * patient.sam, whom no other browser test uses, is set back to English through the same form.
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
            // the shipped exercises come in French too, each text marked with its language
            assertThat(sam.find(".exercise-card h3").getAttribute("lang")).isEqualTo("fr");
            assertThat(sam.seriousAccessibilityViolations()).isEmpty();
            sam.screenshots("today-fr");
        } finally {
            backToEnglish(sam);
        }
    }

    @Test
    void aPatientWhoChoseGermanReadsTheShippedExercisesInGermanOnToday() {
        Browser sam = SignedIn.as("patient.sam");
        try {
            choose(sam, "de");
            sam.open(WEB + "/today");
            assertThat(pageLanguage(sam)).isEqualTo("de");
            WebElement first = sam.find(".exercise-card");
            WebElement name = first.findElement(By.cssSelector("h3"));
            assertThat(name.getAttribute("lang")).isEqualTo("de");
            assertThat(name.getText()).isEqualTo("Ball-Lockerung zwischen den Schulterblättern");
            WebElement steps = first.findElement(By.cssSelector("ol"));
            assertThat(steps.getAttribute("lang")).isEqualTo("de");
            assertThat(steps.getText()).contains("Stellen Sie sich mit dem Rücken zu einer Wand");
            assertThat(first.findElement(By.cssSelector("figure")).getAttribute("lang")).isEqualTo("de");
            assertThat(first.findElement(By.cssSelector("figcaption")).getText()).isEqualTo("Ausgangsposition");
            assertThat(sam.seriousAccessibilityViolations()).isEmpty();
            sam.screenshots("today-de");
        } finally {
            backToEnglish(sam);
        }
    }

    /** Chooses a language on Progress, as the patient does, and waits for the page in it. */
    private static void choose(Browser browser, String language) {
        browser.open(WEB + "/progress");
        new Select(browser.find("#language")).selectByValue(language);
        browser.click("form.language-change button[type='submit']");
        browser.waitFor(d -> language.equals(pageLanguage(browser)));
    }

    /** Through the page (so web-ui's few minutes' memory of the choice follows at once), then the record itself. */
    private static void backToEnglish(Browser browser) {
        try {
            choose(browser, "en");
        } finally {
            as(token("patient.sam")).body(Map.of("language", "en")).patch(PLAN + "/api/me").then().statusCode(200);
        }
    }

    private static String pageLanguage(Browser browser) {
        return String.valueOf(browser.script("return document.documentElement.lang"));
    }
}
