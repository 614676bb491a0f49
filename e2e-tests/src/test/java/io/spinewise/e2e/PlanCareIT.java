package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

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
import static org.hamcrest.Matchers.equalTo;

/**
 * A chiropractor's care of one patient in the browser against the real services: a plan put
 * together from the library picker (search, add and remove rows), previewed, refused by
 * plan-service for a start date too far back (the reason by the Start field, nothing saved),
 * then prescribed; paused, resumed, its history and handout shown, completed; and the
 * patient's time zone changed; the plan edited on the same form, as a new version. Each step is
 * checked in plan-service.
 *
 * <p>One patient's story, hence the fixed order.
 */
@ExtendWith(PagesOnFailure.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanCareIT {

    private static final String ZONE = "Europe/Zurich";
    private static final String TITLE = "Desk-day routine";
    private static Browser chiropractor;
    private static String patientId;
    private static String planId;

    @BeforeAll
    static void aFreshPatient() {
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Nils", "lastName", "Careful", "timeZone", ZONE,
                        "email", "nils." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        patientId = enrolled.path("patient.id");
        chiropractor = SignedIn.as("dr.ada");
    }

    private static List<Map<String, Object>> plans() {
        return as(token("dr.ada")).get(PLAN + "/api/patients/" + patientId + "/plans").then().statusCode(200)
                .extract().path("$");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plan() {
        return plans().stream().filter(p -> planId.equals(p.get("id"))).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aPlanFromTheLibraryIsPreviewedRefusedForItsStartDateAndThenPrescribed() {
        chiropractor.open(WEB + "/patients/" + patientId);
        chiropractor.click("a[href='/patients/" + patientId + "/prescribe']");
        new Select(chiropractor.find("#routine-pick")).selectByValue("");
        chiropractor.click("section[aria-labelledby='start-title'] button[type='submit']");
        chiropractor.waitFor(d -> chiropractor.findAll("fieldset.item-row").isEmpty());

        add("cat", "cat-cow");
        add("wedge", "spinal-wedge");
        add("ball", "wall-ball-release");
        chiropractor.find("fieldset.item-row:has(input[value='wall-ball-release']) [data-remove-row]").click();
        chiropractor.waitFor(d -> rows().equals(List.of("cat-cow", "spinal-wedge")));
        chiropractor.type("#title", TITLE);

        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        chiropractor.script("arguments[0].value = arguments[1]", chiropractor.find("#startDate"), today.minusDays(30).toString());
        chiropractor.click("button[name='action'][value='preview']");
        chiropractor.waitFor(d -> chiropractor.findAll("#preview .phone-preview").size() == 1);
        assertThat(chiropractor.text("#preview")).contains(TITLE, "Cat-cow", "Spinal wedge");

        chiropractor.click("button[name='action'][value='save']");
        WebElement start = chiropractor.find("#startDate[aria-invalid='true']");
        assertThat(start.getAttribute("aria-describedby")).isEqualTo("startDate-error");
        assertThat(chiropractor.text("#startDate-error")).contains("at most", "days back");
        assertThat(rows()).containsExactly("cat-cow", "spinal-wedge");
        assertThat(plans()).isEmpty();

        chiropractor.script("arguments[0].value = arguments[1]", chiropractor.find("#startDate"), today.toString());
        chiropractor.click("button[name='action'][value='save']");
        chiropractor.waitFor(d -> chiropractor.path().equals("/patients/" + patientId));
        assertThat(plans()).singleElement().satisfies(p -> {
            assertThat(p.get("title")).isEqualTo(TITLE);
            assertThat(p.get("status")).isEqualTo("ACTIVE");
            assertThat((List<?>) p.get("items")).hasSize(2);
        });
        planId = (String) plans().get(0).get("id");
    }

    /** Searches the library and adds the exercise found (an htmx row). */
    private static void add(String search, String slug) {
        int before = chiropractor.findAll("fieldset.item-row").size();
        chiropractor.type("#lib-q", search);
        // htmx replaces the results once the typing pauses: wait for the filtered list before clicking in it
        chiropractor.waitFor(d -> chiropractor.findAll("#library-results li").stream()
                .allMatch(li -> li.getText().toLowerCase().contains(search)));
        chiropractor.click("#library-results button[hx-get$='exercise=" + slug + "']");
        chiropractor.waitFor(d -> chiropractor.findAll("fieldset.item-row").size() == before + 1);
    }

    private static List<String> rows() {
        return chiropractor.findAll("fieldset.item-row input[name='item.exercise']").stream()
                .map(i -> i.getAttribute("value")).toList();
    }

    @Test
    @Order(2)
    void thePlanIsPausedResumedAndItsHistoryAndHandoutShown() {
        chiropractor.open(WEB + "/patients/" + patientId);
        statusButton("PAUSED").click();
        chiropractor.waitFor(d -> !chiropractor.findAll("article.plan-summary .badge.paused").isEmpty());
        assertThat(plan().get("status")).isEqualTo("PAUSED");

        statusButton("ACTIVE").click();
        chiropractor.waitFor(d -> !chiropractor.findAll("article.plan-summary .badge.active").isEmpty());
        assertThat(plan().get("status")).isEqualTo("ACTIVE");

        chiropractor.click("button[hx-get$='/plans/" + planId + "/history']");
        chiropractor.waitFor(d -> chiropractor.text("#history-" + planId).contains("Version 1"));
        assertThat(chiropractor.text("#history-" + planId)).contains("Cat-cow", "Spinal wedge");

        chiropractor.click("a[href='/patients/" + patientId + "/plans/" + planId + "/handout']");
        assertThat(chiropractor.text("article.handout h1")).isEqualTo(TITLE);
        assertThat(chiropractor.text("article.handout")).contains("Cat-cow", "Spinal wedge");
    }

    @Test
    @Order(3)
    void thePlanIsEditedAsANewVersion() {
        chiropractor.open(WEB + "/patients/" + patientId);
        chiropractor.click("a[href='/patients/" + patientId + "/plans/" + planId + "/edit']");
        assertThat(rows()).containsExactly("cat-cow", "spinal-wedge");
        assertThat(chiropractor.seriousAccessibilityViolations()).as("axe-core on the plan edit page").isEmpty();
        WebElement catCow = chiropractor.find("fieldset.item-row:has(input[value='cat-cow'])");
        new Select(catCow.findElement(By.name("item.kind"))).selectByValue("reps");
        WebElement amount = catCow.findElement(By.name("item.amount"));
        amount.clear();
        amount.sendKeys("24");
        chiropractor.find("fieldset.item-row:has(input[value='spinal-wedge']) [data-remove-row]").click();
        chiropractor.type("input[name='sessionsPerDay']", "2");
        chiropractor.click("button[name='action'][value='save']");
        chiropractor.waitFor(d -> chiropractor.path().equals("/patients/" + patientId));

        Map<String, Object> edited = plan();
        assertThat(edited.get("version")).isEqualTo(2);
        assertThat((List<Map<String, Object>>) edited.get("items")).singleElement().satisfies(item -> {
            assertThat(item.get("exercise")).isEqualTo("cat-cow");
            assertThat(item.get("reps")).isEqualTo(24);
        });
        assertThat(((Map<?, ?>) edited.get("schedule")).get("sessionsPerDay")).isEqualTo(2);
        chiropractor.click("button[hx-get$='/plans/" + planId + "/history']");
        chiropractor.waitFor(d -> chiropractor.text("#history-" + planId).contains("Version 2"));
    }

    @Test
    @Order(4)
    void thePlanIsCompleted() {
        chiropractor.open(WEB + "/patients/" + patientId);
        statusButton("COMPLETED").click();
        chiropractor.waitFor(d -> !chiropractor.findAll("article.plan-summary .badge.completed").isEmpty());
        assertThat(plan().get("status")).isEqualTo("COMPLETED");
        assertThat(chiropractor.findAll("article.plan-summary form[action$='/status']")).isEmpty();
        assertThat(chiropractor.findAll("a[href$='/plans/" + planId + "/edit']")).isEmpty();
    }

    @Test
    @Order(5)
    void thePatientsTimeZoneIsChanged() {
        chiropractor.open(WEB + "/patients/" + patientId);
        chiropractor.click("details.time-zone-change summary");
        new Select(chiropractor.find("#timeZone")).selectByValue("America/New_York");
        chiropractor.click("details.time-zone-change button[type='submit']");
        chiropractor.waitFor(d -> chiropractor.text(".page-head p.muted").contains("time zone America/New_York"));
        as(token("dr.ada")).get(PLAN + "/api/patients/" + patientId).then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"));
    }

    private static WebElement statusButton(String status) {
        return chiropractor.find("form[action='/patients/" + patientId + "/plans/" + planId + "/status']:has(input[value='"
                + status + "']) button");
    }
}
