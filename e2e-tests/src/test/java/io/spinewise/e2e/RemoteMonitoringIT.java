package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote monitoring in Chromium against the real services (docs/rtm.md): dr.ada logs treatment-management time on
 * Paul's page and sees the month's qualifying minutes grow by it, with the notice that the clinic decides; the
 * clinic's month page lists Paul. The entry is deleted again afterwards through the API (her own).
 */
@ExtendWith(PagesOnFailure.class)
class RemoteMonitoringIT {

    private static final String NOTE = "e2e: call about the exercises";
    private static String paulId;
    private static LocalDate paulsToday;

    @BeforeAll
    static void paul() {
        Response me = as(token("patient.paul")).get(PLAN + "/api/me/adherence");
        me.then().statusCode(200);
        paulId = me.path("patientId");
        paulsToday = LocalDate.parse(me.path("today"));
    }

    @Test
    void aChiropractorLogsTimeAndSeesTheMonthTotal() {
        String month = YearMonth.from(paulsToday).toString();
        int before = qualifyingMinutes(month);
        Browser ada = SignedIn.as("dr.ada");
        try {
            ada.open(WEB + "/patients/" + paulId);
            assertThat(ada.text("section[aria-labelledby='rtm-title']"))
                    .contains("Spinewise counts; the clinic decides what to bill.");
            assertThat(ada.text("#rtm-month-minutes")).isEqualTo(String.valueOf(before));

            ada.type("#rtm-minutes", "12");
            ada.click("#rtm-interactive");
            ada.type("#rtm-note", NOTE);
            ada.submit("form.rtm-log button[type='submit']");

            int after = qualifyingMinutes(month);
            assertThat(after).as("12 interactive minutes make every minute of the month qualify").isGreaterThanOrEqualTo(before + 12);
            assertThat(ada.url()).endsWith("/patients/" + paulId + "#rtm-title");
            assertThat(ada.text("#rtm-month-minutes")).isEqualTo(String.valueOf(after));
            assertThat(ada.pageSource()).contains(NOTE);
            assertThat(ada.seriousAccessibilityViolations()).as("axe-core on the patient page").isEmpty();
            ada.screenshots("rtm-patient");

            ada.submit("nav a[href='/admin/reports/rtm']");
            assertThat(ada.text("main")).contains("Paul Meyer").contains("Spinewise counts; the clinic decides what to bill.");
            assertThat(ada.seriousAccessibilityViolations()).as("axe-core on the month page").isEmpty();
        } finally {
            List<Map<String, Object>> entries = as(token("dr.ada")).get(PLAN + "/api/patients/" + paulId + "/rtm/time")
                    .then().statusCode(200).extract().path("$");
            entries.stream().filter(e -> NOTE.equals(e.get("note"))).forEach(e -> as(token("dr.ada"))
                    .delete(PLAN + "/api/patients/" + paulId + "/rtm/time/" + e.get("id")).then().statusCode(204));
        }
    }

    private static int qualifyingMinutes(String month) {
        List<Map<String, Object>> months = as(token("dr.ada")).get(PLAN + "/api/patients/" + paulId + "/rtm")
                .then().statusCode(200).extract().path("months");
        return months.stream().filter(m -> month.equals(m.get("month")))
                .map(m -> (Integer) m.get("qualifyingMinutes")).findFirst().orElse(0);
    }
}
