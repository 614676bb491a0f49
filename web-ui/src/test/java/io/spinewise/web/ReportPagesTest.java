package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The adherence report's pages (period, summary, CSV and PDF passed through) against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class ReportPagesTest {

    /** plan-service's adherence CSV: its header names the patient on every row. */
    private static final String CSV = """
            patient_id,patient_name,date,scheduled,completed
            %1$s,Paul Patient,2026-11-01,1,1
            %1$s,Paul Patient,2026-11-02,1,0
            %1$s,Paul Patient,2026-11-03,2,2
            """.formatted(Fixtures.PATIENT_ID);

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void reportSummaryAddsUpTheStreamedCsvPerPatientWithTheNamesItCarries() {
        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", CSV);

        String html = given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Paul Patient", "<td>4</td>", "<td>3</td>", "75 %",
                "/admin/reports/patients/" + Fixtures.PATIENT_ID + ".pdf?from=2026-11-01&amp;to=2026-11-30");
        assertThat(StubServices.requests("GET", "/api/reports/adherence.csv")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=2026-11-01&to=2026-11-30"));
        // no list of the clinic's patients: it would stop at one page in a clinic with thousands
        assertThat(StubServices.requests("GET", "/api/patients")).isEmpty();
    }

    @Test
    void aSummaryRowWithoutANameShowsThePatientsId() {
        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", """
                patient_id,patient_name,date,scheduled,completed
                %s,,2026-11-01,1,1
                """.formatted(Fixtures.PATIENT_ID));

        String html = given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<th scope=\"row\">" + Fixtures.PATIENT_ID + "</th>");
    }

    @Test
    void theReportFormOffersTheClinicsChiropractorsAndForwardsTheChoice() {
        StubServices.json("GET", "/api/clinic/chiropractors", """
                [{"id":"11111111-1111-1111-1111-111111111111","name":"Dr <b>Bone</b>"},
                 {"id":"22222222-2222-2222-2222-222222222222","name":"Dr Spine"}]
                """);
        String chosen = "22222222-2222-2222-2222-222222222222";
        String html = given().auth().oauth2(Users.admin())
                .when().get("/admin/reports?from=2026-11-01&to=2026-11-30&chiropractor=" + chosen)
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("<label for=\"chiropractor\">Chiropractor</label>", "All chiropractors",
                "Dr &lt;b&gt;Bone&lt;/b&gt;", "<option value=\"" + chosen + "\" selected>Dr Spine</option>",
                "/admin/reports/adherence.csv?from=2026-11-01&amp;to=2026-11-30&amp;chiropractor=" + chosen,
                "/admin/reports/summary?from=2026-11-01&amp;to=2026-11-30&amp;chiropractor=" + chosen);
        assertThat(html).doesNotContain("<b>Bone</b>");

        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", CSV);
        given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-11-01&to=2026-11-30&chiropractor=" + chosen)
                .then().statusCode(200);
        given().auth().oauth2(Users.admin())
                .when().get("/admin/reports/adherence.csv?from=2026-11-01&to=2026-11-30&chiropractor=" + chosen)
                .then().statusCode(200);
        assertThat(StubServices.requests("GET", "/api/reports/adherence.csv")).hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).isEqualTo("from=2026-11-01&to=2026-11-30&chiropractor=" + chosen));
    }

    @Test
    void aReportRefusedBecauseTheClinicRunsTooManyIsA429PageInTheServicesWords() {
        StubServices.problem("GET", "/api/reports/adherence.csv", 429,
                "Your clinic already has 2 reports running, the most it may run at once. Try again when one has finished.");

        given().auth().oauth2(Users.admin())
                .when().get("/admin/reports/adherence.csv?from=2026-11-01&to=2026-11-30")
                .then().statusCode(429)
                .body(containsString("Too many requests"))
                .body(containsString("Your clinic already has 2 reports running"))
                .body(not(containsString("Exception")));
        given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-11-01&to=2026-11-30")
                .then().statusCode(429)
                .body(containsString("Your clinic already has 2 reports running"));
    }

    @Test
    void theReportPageWorksWithoutTheChiropractorList() {
        StubServices.problem("GET", "/api/clinic/chiropractors", 503, "down");
        String html = given().auth().oauth2(Users.admin()).when().get("/admin/reports?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("Download CSV").doesNotContain("All chiropractors");
    }

    @Test
    void thePatientPdfIsAskedForTheChosenPeriodAndPassedThrough() {
        String pdf = "/api/reports/patients/" + Fixtures.PATIENT_ID + ".pdf";
        StubServices.answer("GET", pdf, 200, "application/pdf", "%PDF-1.4 stand-in");

        given().auth().oauth2(Users.admin())
                .when().get("/admin/reports/patients/" + Fixtures.PATIENT_ID + ".pdf?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("-2026-11-01-to-2026-11-30.pdf"))
                .body(containsString("%PDF-1.4"));
        // the period goes to plan-service, whose contract declares it (StubContractCheck fails it otherwise)
        assertThat(StubServices.requests("GET", pdf)).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=2026-11-01&to=2026-11-30"));
    }

    @Test
    void csvDownloadIsPassedThroughAsAnAttachment() {
        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", CSV);

        given().auth().oauth2(Users.admin()).when().get("/admin/reports/adherence.csv?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("adherence-2026-11-01-to-2026-11-30.csv"))
                .body(containsString("patient_id,patient_name,date,scheduled,completed"));
    }

    @Test
    void reportDatesAreShownWithWeekdayAndYear() {
        StubServices.json("GET", "/api/clinic/chiropractors", "[]");

        given().auth().oauth2(Users.admin()).when().get("/admin/reports?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200)
                .body(containsString("Download CSV (Sun 1 Nov 2026 – Mon 30 Nov 2026)"))
                .body(containsString("placeholder=\"YYYY-MM-DD\""));
    }

    @Test
    void anUnreadableReportDateIsShownBackWithTheReasonAndNoReportIsStarted() {
        StubServices.json("GET", "/api/clinic/chiropractors", "[]");

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/reports?from=<b>11/01/2026&to=2026-11-30")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("“&lt;b&gt;11/01/2026” is not a date we can read. Type it as YYYY-MM-DD, for example 2026-11-23.",
                "value=\"&lt;b&gt;11/01/2026\"", "value=\"2026-11-30\"", "The report needs a start and an end date it can read.")
                .doesNotContain("<b>11", "hx-get=\"/admin/reports/summary", "Download CSV");
        assertThat(StubServices.requests("GET", "/api/reports/adherence.csv")).isEmpty();
    }

    @Test
    void aReportEndingBeforeItStartsIsExplained() {
        StubServices.json("GET", "/api/clinic/chiropractors", "[]");

        given().auth().oauth2(Users.admin()).when().get("/admin/reports?from=2026-11-30&to=2026-11-01")
                .then().statusCode(400)
                .body(containsString("The end date is before the start date. Choose an end on or after Mon 30 Nov 2026."));
    }

    @Test
    void reportLinksWithUnreadableDatesAnswerInWordsWithoutCallingPlanService() {
        given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-13-01&to=2026-11-30")
                .then().statusCode(400)
                .header("HX-Retarget", "#flash")
                .body(containsString("“2026-13-01” is not a date we can read."));
        given().auth().oauth2(Users.admin())
                .when().get("/admin/reports/adherence.csv?from=2026-11-01&to=tomorrow")
                .then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("“tomorrow” is not a date we can read."));
        given().auth().oauth2(Users.admin())
                .when().get("/admin/reports/patients/" + Fixtures.PATIENT_ID + ".pdf?from=2026-02-30")
                .then().statusCode(400)
                .body(containsString("“2026-02-30” is not a date we can read."));
        assertThat(StubServices.requests()).noneMatch(r -> r.path().startsWith("/api/reports"));
    }
}
