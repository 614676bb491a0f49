package io.spinewise.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped exercises' drawings as a patient and a chiropractor see them: on Today and on the
 * printed handout of the demo patient's "Mid-back relief", each of the four exercises shows its
 * start and end picture, every picture really loads in Chromium (a decoded image, not a broken
 * link) and has its text alternative, and the pages pass axe-core. Screenshots {@code pictures-*}.
 */
@ExtendWith(PagesOnFailure.class)
class ExercisePicturesIT {

    private static final List<String> EXERCISES = List.of("wall-ball-release", "thoracic-wall-extension", "cat-cow",
            "spinal-wedge");

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    @Test
    void todayShowsTheStartAndEndOfEachExerciseAndThePicturesLoad() {
        Browser paul = SignedIn.as("patient.paul");
        paul.open(WEB + "/today");

        picturesLoad(paul);
        assertThat(paul.seriousAccessibilityViolations()).isEmpty();
        paul.screenshots("pictures-today");
    }

    @Test
    void theHandoutShowsThemToo() {
        String paulId = as(token("patient.paul")).get(PLAN + "/api/me").then().statusCode(200).extract().path("id");
        List<Map<String, Object>> plans = as(token("dr.ada")).get(PLAN + "/api/patients/" + paulId + "/plans").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Object planId = plans.stream().filter(p -> "Mid-back relief".equals(p.get("title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Mid-back relief plan for patient.paul: " + plans)).get("id");
        Browser ada = SignedIn.as("dr.ada");
        ada.open(WEB + "/patients/" + paulId + "/plans/" + planId + "/handout");

        picturesLoad(ada);
        assertThat(ada.seriousAccessibilityViolations()).isEmpty();
        ada.screenshots("pictures-handout");
    }

    /** Every exercise's start and end drawing is on the page, decoded by the browser, with its alt text. */
    private static void picturesLoad(Browser browser) {
        browser.find(".exercise-card .pictures img");
        browser.waitFor(d -> Boolean.TRUE.equals(browser.script(
                "return [...document.querySelectorAll('.pictures img')].every(i => i.complete)")));
        List<WebElement> images = browser.findAll(".exercise-card .pictures img");
        for (String slug : EXERCISES) {
            for (String end : List.of("-start.svg", "-end.svg")) {
                assertThat(images).as("a picture " + slug + end)
                        .anyMatch(i -> i.getAttribute("src").contains("/img/exercises/" + slug + end + "?v="));
            }
        }
        for (WebElement image : images) {
            Number width = (Number) browser.script("return arguments[0].naturalWidth", image);
            assertThat(width.intValue()).as("naturalWidth of " + image.getAttribute("src")).isGreaterThan(0);
            assertThat(image.getAttribute("alt")).as("alt of " + image.getAttribute("src")).hasSizeGreaterThan(40);
        }
    }
}
