package io.spinewise.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo patient's own pages against the real plan-service: today's session checked off and
 * undone, the time zone changed on Progress (and set back), e-mail reminders turned on at a time (and set
 * back), and their data downloaded.
 */
@ExtendWith(PagesOnFailure.class)
class PatientSelfServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Browser paul;
    private static String paulId;

    @BeforeAll
    static void signIn() {
        paul = SignedIn.as("patient.paul");
        paulId = as(token("patient.paul")).get(PLAN + "/api/me").then().statusCode(200).extract().path("id");
    }

    private static int completedToday() {
        Response adherence = as(token("patient.paul")).get(PLAN + "/api/me/adherence");
        String today = adherence.path("today");
        List<Map<String, Object>> days = as(token("patient.paul"))
                .get(PLAN + "/api/me/adherence?from=" + today + "&to=" + today + "&days=true").path("days");
        return days.stream().mapToInt(d -> (Integer) d.get("completed")).sum();
    }

    @Test
    void aSessionCheckedOffTodayCanBeUndone() {
        paul.open(WEB + "/today");
        // the demo history stops yesterday: today's session is open
        assertThat(completedToday()).isZero();
        for (WebElement box : paul.findAll("input[name='done']")) {
            paul.script("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
        paul.click("button.save");
        paul.waitFor(d -> paul.findAll(".session-done").size() == 1);
        assertThat(paul.text(".session-done")).contains("Session 1 done");
        assertThat(completedToday()).isEqualTo(1);

        paul.click(".session-done form button[type='submit']");
        paul.waitFor(d -> paul.findAll(".session-done").isEmpty() && !paul.findAll("form.check-off").isEmpty());
        assertThat(paul.text("section.plan [role='status']")).contains("Check-off undone.");
        assertThat(completedToday()).isZero();
    }

    @Test
    void thePatientChangesTheirTimeZoneOnProgress() {
        String before = as(token("patient.paul")).get(PLAN + "/api/me").path("timeZone");
        String other = "Europe/London".equals(before) ? "Europe/Paris" : "Europe/London";
        try {
            chooseZone(other);
            assertThat(paul.text("section[aria-labelledby='zone-title'] strong")).isEqualTo(other);
            assertThat(as(token("patient.paul")).get(PLAN + "/api/me").<String>path("timeZone")).isEqualTo(other);
        } finally {
            chooseZone(before);
        }
        assertThat(as(token("patient.paul")).get(PLAN + "/api/me").<String>path("timeZone")).isEqualTo(before);
    }

    private static void chooseZone(String zone) {
        paul.open(WEB + "/progress");
        new Select(paul.find("#timeZone")).selectByValue(zone);
        paul.click("form.time-zone-change button[type='submit']");
        paul.waitFor(d -> paul.text("section[aria-labelledby='zone-title'] strong").equals(zone));
    }

    @Test
    void thePatientTurnsOnTheCalendarFeedAndItsLinkAnswersACalendarWithoutALogin() {
        paul.open(WEB + "/progress");
        paul.click("form.feed-on button[type='submit']");
        paul.waitFor(d -> !paul.findAll("#feed-address").isEmpty());
        String link = paul.find("#feed-address").getAttribute("value");
        try {
            assertThat(link).startsWith(WEB + "/calendar/").endsWith(".ics");
            assertThat(paul.find("a[href^='webcal://']").getAttribute("href"))
                    .isEqualTo("webcal" + link.substring(link.indexOf(':')));
            assertThat(paul.seriousAccessibilityViolations()).as("axe-core on Progress with the new link").isEmpty();

            Response feed = RestAssured.given().redirects().follow(false).get(link);
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.contentType()).startsWith("text/calendar");
            // the demo plan is active: its sessions of the coming weeks, titled without health details
            assertThat(feed.asString()).startsWith("BEGIN:VCALENDAR\r\n").contains("SUMMARY:Spinewise: home exercises")
                    .doesNotContain("Mid-back", "Paul");
        } finally {
            paul.open(WEB + "/progress");
            paul.click("form.feed-off button[type='submit']");
            paul.waitFor(d -> paul.findAll("form.feed-off").isEmpty());
        }
        assertThat(RestAssured.given().redirects().follow(false).get(link).statusCode()).isEqualTo(404);
    }

    @Test
    void thePatientTurnsOnEmailRemindersAtATimeAndPlanServiceKeepsThem() {
        Map<String, Object> before = as(token("patient.paul")).get(PLAN + "/api/me/reminders").then().statusCode(200)
                .extract().path("$");
        String time = "07:30".equals(before.get("remindAt")) ? "08:45" : "07:30";
        try {
            paul.open(WEB + "/progress");
            paul.submit("a[href='/progress/reminders']");
            assertThat(paul.seriousAccessibilityViolations()).as("axe-core on the reminders page").isEmpty();
            if (paul.find("#email").isSelected()) {
                paul.click("#email");
            }
            paul.click("#email");
            // a time field's typing depends on the browser's locale: its value is set as a picker would
            paul.script("arguments[0].value = arguments[1]", paul.find("#remindAt"), time);
            paul.script("arguments[0].value = '22:00'", paul.find("#quietFrom"));
            paul.script("arguments[0].value = '06:30'", paul.find("#quietUntil"));
            paul.submit("form.reminders button[type='submit']");
            assertThat(paul.text(".notice.success")).startsWith("Saved.");
            assertThat(paul.find("#email").isSelected()).isTrue();
            assertThat(paul.seriousAccessibilityViolations()).as("axe-core on the saved reminders page").isEmpty();

            Map<String, Object> kept = as(token("patient.paul")).get(PLAN + "/api/me/reminders").then().statusCode(200)
                    .extract().path("$");
            assertThat(kept).containsEntry("channels", List.of("EMAIL")).containsEntry("remindAt", time)
                    .containsEntry("quietFrom", "22:00").containsEntry("quietUntil", "06:30")
                    .containsEntry("chosen", true);
        } finally {
            Map<String, Object> back = new HashMap<>(before);
            back.keySet().retainAll(List.of("channels", "remindAt", "quietFrom", "quietUntil"));
            as(token("patient.paul")).body(back).put(PLAN + "/api/me/reminders").then().statusCode(200);
        }
    }

    @Test
    void thePatientDownloadsTheirOwnData() throws IOException {
        paul.open(WEB + "/progress");
        paul.click("a[href='/progress/export']");
        JsonNode export = JSON.readTree(paul.downloaded(".json").toFile());
        assertThat(export.at("/patient/id").asText()).isEqualTo(paulId);
        assertThat(export.toString()).contains("Mid-back relief");
        // the demo history: weeks of check-offs, the latest yesterday or today
        List<String> dates = export.get("checkOffs").findValuesAsText("date");
        assertThat(dates).hasSizeGreaterThan(20);
        assertThat(dates.stream().map(LocalDate::parse).max(LocalDate::compareTo).orElseThrow())
                .isAfterOrEqualTo(LocalDate.now().minusDays(2));
    }
}
