package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The clinic's remote-monitoring month ({@code report/RtmReportPage}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class RtmReportPageTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void theMonthsRowsTheRulesTheNoticeAndTheCsvLinkAreShown() {
        StubServices.json("GET", "/api/reports/rtm", """
                {"month":"2026-11","rows":[{"patientId":"%s","patientName":"Paul Patient","month":"2026-11",
                  "minutesLogged":45,"interactiveEntries":1,"qualifyingMinutes":45,"timeCodes":"98980 98981",
                  "periodStart":"2026-10-20","periodEnd":"2026-11-18","daysWithData":17,"deviceSupplyCode":"98977",
                  "setUpCode":null}],
                 "periodRule":"A monitoring period is 30 days from the first day with data.",
                 "timeRule":"Per calendar month, logged minutes qualify only with an interactive entry.",
                 "notice":"Spinewise counts; the clinic decides what to bill."}""".formatted(Fixtures.PATIENT_ID));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/reports/rtm?month=2026-11")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Paul Patient", "98980 98981", "98977", "Tue 20 Oct 2026",
                "Spinewise counts; the clinic decides what to bill.", "A monitoring period is 30 days",
                "href=\"/admin/reports/rtm.csv?month=2026-11\"", "Medicare does not pay chiropractors");
        assertThat(StubServices.requests("GET", "/api/reports/rtm")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("month=2026-11"));
    }

    @Test
    void aMonthThatCannotBeReadIsShownBackWithoutAsking() {
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/reports/rtm?month=November")
                .then().statusCode(400).body(containsString("Choose a month like 2026-11."))
                .body(containsString("aria-invalid=\"true\""));
        assertThat(StubServices.requests("GET", "/api/reports/rtm")).isEmpty();
    }

    @Test
    void theCsvIsStreamedThroughFromPlanService() {
        StubServices.answer("GET", "/api/reports/rtm.csv", 200, "text/csv; charset=utf-8",
                "patient_id,patient_name\r\n1,Paul\r\n");

        given().auth().oauth2(Users.chiropractor()).when().get("/admin/reports/rtm.csv?month=2026-11")
                .then().statusCode(200).header("Content-Disposition", containsString("rtm-2026-11.csv"))
                .body(containsString("1,Paul"));
        assertThat(StubServices.requests("GET", "/api/reports/rtm.csv")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("month=2026-11"));
    }
}
