package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** The clinic administrator's pages against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class AdminPagesTest {

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
    void auditLogShowsEventsFromAPage() {
        StubServices.json("GET", "/api/audit", """
                {"items":[{"id":1,"at":"2026-11-23T08:00:00Z","actor":"dr.ada","actorName":null,"actorRole":"chiropractor",
                 "patientId":"%s","patientName":null,"action":"PLAN_CREATED","outcome":"OK","status":201,"target":"plan"}],"page":0,"size":50,"total":1}
                """.formatted(Fixtures.PATIENT_ID));

        given().auth().oauth2(Users.admin()).when().get("/admin/audit")
                .then().statusCode(200)
                .body(containsString("dr.ada"))
                .body(containsString("PLAN_CREATED"))
                .body(containsString("Mon 23 Nov 2026, 08:00 UTC"));
    }

    @Test
    void auditLogNamesWhoAndWhichPatientAndKeepsTheIds() {
        String actor = "8d0c2f4e-1b7a-4c3d-9e5f-6a7b8c9d0e1f";
        StubServices.json("GET", "/api/audit", """
                {"items":[
                 {"id":2,"at":"2026-11-23T09:00:00Z","actor":"%1$s","actorName":"Nora <b>Admin</b>","actorRole":"clinic-admin",
                  "patientId":"%2$s","patientName":"Paul Patient","action":"report.patient.pdf","outcome":"SUCCESS","status":200,
                  "target":null},
                 {"id":1,"at":"2026-11-23T08:00:00Z","actor":"%1$s","actorName":null,"actorRole":"chiropractor",
                  "patientId":"%2$s","patientName":null,"action":"patient.read","outcome":"NOT_FOUND","status":404,
                  "target":null}],
                 "page":0,"size":50,"total":2}
                """.formatted(actor, Fixtures.PATIENT_ID));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<strong>Nora &lt;b&gt;Admin&lt;/b&gt;</strong>, clinic administrator",
                "Paul Patient", "User id <code>" + actor + "</code>", "Patient id <code>" + Fixtures.PATIENT_ID + "</code>",
                // records from before names were kept, and other clinics' patients, still say something
                "Name not recorded</span>, chiropractor", "Name not available")
                .doesNotContain("<b>Admin</b>");
    }

    @Test
    void anUnreadableAuditDateIsExplainedAndNoEventsAreAskedFor() {

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?from=1.11.2026&to=")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("“1.11.2026” is not a date we can read. Type it as YYYY-MM-DD",
                "value=\"1.11.2026\"", "Correct the marked dates to see events.");
        assertThat(StubServices.requests("GET", "/api/audit")).isEmpty();
    }

    @Test
    void theAuditDatesAreForwardedAsIsoDates() {
        StubServices.json("GET", "/api/audit", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");

        given().auth().oauth2(Users.admin()).when().get("/admin/audit?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).body(containsString("value=\"2026-11-01\""));

        assertThat(StubServices.requests("GET", "/api/audit")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=2026-11-01&to=2026-11-30&page=0&size=50"));
    }

    // --- audit paging and the patient filter ---

    private static final String OTHER_PATIENT_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

    /** A page of plan-service's audit log: one event per action given, about {@link Fixtures#PATIENT_ID}. */
    private static String auditPage(int page, long total, String... actions) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < actions.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"id":%d,"at":"2026-11-23T08:00:00Z","actor":"dr.ada","actorName":"Ada","actorRole":"chiropractor",
                     "patientId":"%s","patientName":"Paul Patient","action":"%s","outcome":"SUCCESS","status":200,
                     "target":"plan"}"""
                    .formatted(i + 1, Fixtures.PATIENT_ID, actions[i]));
        }
        return "{\"items\":[" + items + "],\"page\":" + page + ",\"size\":50,\"total\":" + total + "}";
    }

    private static String patients(long total, String... idsAndNames) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            String[] name = idsAndNames[i + 1].split(" ", 2);
            items.append(i == 0 ? "" : ",").append(Fixtures.patient(idsAndNames[i], name[0], name.length > 1 ? name[1] : "",
                    "p" + i + "@example.org", "Europe/Zurich"));
        }
        return "{\"items\":[" + items + "],\"page\":0,\"size\":10,\"total\":" + total + "}";
    }

    @Test
    void theAuditLogPagesThroughEveryEventAndItsLinksKeepTheFilters() {
        StubServices.json("GET", "/api/audit", auditPage(1, 120, "patient.read", "plan.create"));

        String html = given().auth().oauth2(Users.admin())
                .when().get("/admin/audit?patient=" + Fixtures.PATIENT_ID + "&from=2026-11-01&to=2026-11-30&page=2")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/audit")).singleElement().satisfies(r -> assertThat(r.query())
                .isEqualTo("patient=" + Fixtures.PATIENT_ID + "&from=2026-11-01&to=2026-11-30&page=1&size=50"));
        String filters = "/admin/audit?patient=" + Fixtures.PATIENT_ID + "&amp;from=2026-11-01&amp;to=2026-11-30";
        assertThat(html).contains("Rows 51–52 of 120", "Page 2 of 3",
                "<nav class=\"pager\" aria-label=\"Pages of the audit log\" hx-boost=\"true\" hx-target=\"#audit-list\"",
                "href=\"" + filters + "&amp;page=1\" rel=\"prev\"",
                "href=\"" + filters + "&amp;page=3\" rel=\"next\"",
                "href=\"" + filters + "&amp;page=2\" aria-current=\"page\"",
                // the chosen patient is named from the events and kept by the form
                "<input type=\"hidden\" name=\"patient\" value=\"" + Fixtures.PATIENT_ID + "\">",
                "<strong>Paul Patient</strong>", "href=\"/admin/audit?from=2026-11-01&amp;to=2026-11-30\">All patients</a>");
    }

    @Test
    void anHtmxAuditPageChangeGetsTheListNotTheWholePage() {
        StubServices.json("GET", "/api/audit", auditPage(2, 120, "patient.read"));

        String html = given().auth().oauth2(Users.admin()).header("HX-Request", "true").header("HX-Target", "audit-list")
                .when().get("/admin/audit?page=3")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Page 3 of 3", "patient.read", "rel=\"prev\"").doesNotContain("<h1>", "<form");
    }

    @Test
    void anAuditPageNumberThatIsNotOneIsAnsweredWithoutAskingPlanService() {
        for (String page : List.of("abc", "0", "-3")) {
            given().auth().oauth2(Users.admin()).when().get("/admin/audit?page=" + page)
                    .then().statusCode(400).body(containsString("“" + page + "” is not a page number"));
        }
        assertThat(StubServices.requests("GET", "/api/audit")).isEmpty();
    }

    @Test
    void anAuditPageBeyondTheLastSaysHowManyThereAreAndLinksBack() {
        StubServices.json("GET", "/api/audit", auditPage(8, 120));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?from=2026-11-01&page=9")
                .then().statusCode(404).extract().asString();

        assertThat(html).contains("There is no page 9 of this list: it has 3 pages.",
                "href=\"/admin/audit?from=2026-11-01&amp;page=3\">Go to the last page");
    }

    @Test
    void anAbsurdAuditPageStaysWithinThePagesPlanServiceAnswers() {
        StubServices.json("GET", "/api/audit", auditPage(21474835, 120));

        given().auth().oauth2(Users.admin()).when().get("/admin/audit?page=2000000000")
                .then().statusCode(404).body(containsString("There is no page 2000000000"));

        // plan-service refuses a page whose row offset (page × its largest size, 100) would not fit an int
        assertThat(StubServices.requests("GET", "/api/audit")).singleElement().satisfies(r -> assertThat(
                Long.parseLong(r.query().replaceAll(".*page=(\\d+).*", "$1")) * 100).isLessThanOrEqualTo(Integer.MAX_VALUE));
    }

    @Test
    void anAuditPatientIdThatIsNotOneIsExplainedAndNoEventsAreAskedFor() {
        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?patient=<b>42&from=2026-11-01")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("“&lt;b&gt;42” is not a patient id. Search for the patient by name instead.",
                "aria-invalid=\"true\"", "Correct the patient filter to see events.", "value=\"2026-11-01\"")
                .doesNotContain("<b>42");
        assertThat(StubServices.requests()).noneMatch(r -> r.path().startsWith("/api/"));
    }

    @Test
    void aPatientFoundByNameFiltersTheAuditLogWithoutLoadingTheWholeClinic() {
        StubServices.json("GET", "/api/patients", patients(1, Fixtures.PATIENT_ID, "Paul Patient"));
        StubServices.json("GET", "/api/audit", auditPage(0, 0));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?find=paul&from=2026-11-01")
                .then().statusCode(200).extract().asString();

        assertThat(StubServices.requests("GET", "/api/patients")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("q=paul&page=0&size=10"));
        assertThat(StubServices.requests("GET", "/api/audit")).singleElement().satisfies(r -> assertThat(r.query())
                .isEqualTo("patient=" + Fixtures.PATIENT_ID + "&from=2026-11-01&page=0&size=50"));
        assertThat(html).contains("<strong>Paul Patient</strong>", "No events match.",
                "<input type=\"hidden\" name=\"patient\" value=\"" + Fixtures.PATIENT_ID + "\">");
    }

    @Test
    void aSearchMatchingSeveralPatientsOffersThemAndAsksForNoEventsYet() {
        StubServices.json("GET", "/api/patients", patients(14, Fixtures.PATIENT_ID, "Paul Patient",
                OTHER_PATIENT_ID, "Paula <i>Other</i>"));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?find=pau&to=2026-11-30")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Which patient?",
                "14 patients match “pau”; the first 2 are listed. Type more of the name to narrow the search.",
                "<a href=\"/admin/audit?to=2026-11-30&amp;patient=" + Fixtures.PATIENT_ID + "\">Paul Patient</a>",
                "<a href=\"/admin/audit?to=2026-11-30&amp;patient=" + OTHER_PATIENT_ID + "\">Paula &lt;i&gt;Other&lt;/i&gt;</a>",
                "value=\"pau\"").doesNotContain("<i>Other");
        assertThat(StubServices.requests("GET", "/api/audit")).isEmpty();
    }

    @Test
    void aSearchMatchingNoPatientSaysSo() {
        StubServices.json("GET", "/api/patients", patients(0));

        given().auth().oauth2(Users.admin()).when().get("/admin/audit?find=zed")
                .then().statusCode(200).body(containsString("No patient name or email contains “zed”."));
        assertThat(StubServices.requests("GET", "/api/audit")).isEmpty();
    }

    @Test
    void eachEventsPatientLinksToThatPatientsEventsKeepingTheDates() {
        StubServices.json("GET", "/api/audit", auditPage(0, 1, "patient.read"));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/audit?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("<a href=\"/admin/audit?from=2026-11-01&amp;to=2026-11-30&amp;patient="
                + Fixtures.PATIENT_ID + "\" title=\"Only this patient's events\">Paul Patient</a>");
        assertThat(StubServices.requests("GET", "/api/patients")).isEmpty();
    }

    // --- report dates ---

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

    @Test
    void aChiropractorIsRefusedTheAdministratorPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/audit").then().statusCode(403);
    }

    // --- clinic library: routine templates and archiving ---

    private static final String DESK_BREAK = """
            {"slug":"desk-break","name":"Desk break","description":"Twice a day at the desk.",
             "schedule":{"daysOfWeek":["MONDAY","WEDNESDAY"],"sessionsPerDay":2},
             "items":[{"position":1,"exercise":{"slug":"cat-cow","name":"Cat-cow on all fours","category":"MOBILITY",
               "position":"ALL_FOURS","summary":"Round up, then arch.","status":"PUBLISHED"},
               "dosage":{"holdSeconds":null,"reps":{"min":10,"max":12},"sets":2,"sides":"BOTH"},"note":"Slowly"}],
             "status":"PUBLISHED","owner":"clinic","version":3,"updatedAt":"2026-11-02T08:00:00Z"}
            """;

    private static void stubLibrary() {
        StubServices.json("GET", "/api/exercises", "{\"items\":[" + Fixtures.WALL_EXTENSION + "," + Fixtures.CAT_COW
                + "],\"page\":0,\"size\":100,\"total\":2}");
    }

    @Test
    void libraryListsOwnTemplatesNextToTheSharedOnesWithUserTextEscaped() {
        stubLibrary();
        StubServices.json("GET", "/api/routines", """
                {"items":[%s,
                 {"slug":"mid-back-relief","name":"Mid-back relief","description":"The article's routine.",
                  "schedule":{"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],"sessionsPerDay":1},
                  "items":[],"status":"PUBLISHED","owner":"library","version":1,"updatedAt":"2026-11-01T08:00:00Z"}],
                 "page":0,"size":100,"total":2}
                """.formatted(DESK_BREAK.replace("Desk break", "<script>alert(1)</script> break")));

        String html = given().auth().oauth2(Users.admin()).when().get("/admin/library")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; break", "Mon, Wed, twice a day",
                "/admin/library/templates/desk-break/edit", "/admin/library/templates/desk-break/archive",
                "Mid-back relief", "Shared library");
        assertThat(html).doesNotContain("<script>alert(1)", "/admin/library/templates/mid-back-relief/edit",
                "/admin/library/templates/mid-back-relief/archive");
    }

    @Test
    void creatingATemplateSendsTheExpectedJsonWithTheUsersToken() {
        stubLibrary();
        StubServices.json("POST", "/api/routines", 201, DESK_BREAK);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("Thoracic extension at the wall", "name=\"item2.exercise\"");

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk break").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.sets", "2").formParam("item0.holdMin", "")
                .formParam("item0.holdMax", "").formParam("item0.repsMin", "10").formParam("item0.repsMax", "12")
                .formParam("item0.sides", "BOTH").formParam("item0.note", "Slowly")
                .formParam("item1.exercise", "").formParam("item1.sets", "").formParam("item1.note", "")
                .formParam("item2.exercise", "thoracic-wall-extension").formParam("item2.sets", "")
                .formParam("item2.holdMin", "").formParam("item2.repsMin", "").formParam("item2.note", "")
                .formParam("days", "MONDAY").formParam("days", "WEDNESDAY")
                .formParam("sessionsPerDay", "2").formParam("status", "PUBLISHED")
                .when().post("/admin/library/templates")
                .then().statusCode(303).header("Location", endsWith("/admin/library"));

        assertThat(StubServices.requests("POST", "/api/routines")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            JsonPath json = JsonPath.from(r.body());
            assertThat(json.getString("name")).isEqualTo("Desk break");
            assertThat(json.getString("description")).isEqualTo("Twice a day at the desk.");
            assertThat(json.getList("items.exercise")).containsExactly("cat-cow", "thoracic-wall-extension");
            assertThat(json.getMap("items[0].dosage")).containsEntry("sets", 2).containsEntry("sides", "BOTH")
                    .containsEntry("reps", Map.of("min", 10, "max", 12));
            assertThat(json.getMap("items[0].dosage").get("holdSeconds")).isNull();
            assertThat(json.getString("items[0].note")).isEqualTo("Slowly");
            assertThat(json.getMap("items[1]")).doesNotContainKeys("dosage", "note");
            assertThat(json.getList("schedule.daysOfWeek")).containsExactlyInAnyOrder("MONDAY", "WEDNESDAY");
            assertThat(json.getInt("schedule.sessionsPerDay")).isEqualTo(2);
            assertThat(json.getString("status")).isEqualTo("PUBLISHED");
        });
    }

    @Test
    void anIncompleteTemplateIsShownAgainWithItsTextEscaped() {
        stubLibrary();
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "<img src=x onerror=alert(1)>").formParam("description", "x")
                .formParam("item0.exercise", "").formParam("days", "MONDAY").formParam("sessionsPerDay", "1")
                .when().post("/admin/library/templates")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("Pick at least one exercise.", "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img src=x");
        assertThat(StubServices.requests("POST", "/api/routines")).isEmpty();
    }

    @Test
    void theClinicSettingsAreShownAndSavedWithPut() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.json("PUT", "/api/clinic/settings", "{\"lowAdherencePercent\":50,\"painThreshold\":8,\"inactiveDays\":4}");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("name=\"lowAdherencePercent\" type=\"number\" inputmode=\"numeric\" value=\"60\"",
                "value=\"7\"", "value=\"5\"", "href=\"/admin/settings\" aria-current=\"page\"");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "50").formParam("painThreshold", "8").formParam("inactiveDays", " 4 ")
                .when().post("/admin/settings")
                .then().statusCode(200).body(containsString("Saved.")).body(containsString("value=\"50\""));
        assertThat(StubServices.requests("PUT", "/api/clinic/settings")).singleElement().satisfies(r -> {
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(JsonPath.from(r.body()).getMap("$"))
                    .isEqualTo(Map.of("lowAdherencePercent", 50, "painThreshold", 8, "inactiveDays", 4));
        });
    }

    @Test
    void aThresholdPlanServiceRefusesIsShownByItsFieldAndTextIsNotSent() {
        StubServices.json("GET", "/api/clinic/settings", "{\"lowAdherencePercent\":60,\"painThreshold\":7,\"inactiveDays\":5}");
        StubServices.answer("PUT", "/api/clinic/settings", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"lowAdherencePercent must be between 0 and 100.",
                 "violations":[{"field":"lowAdherencePercent","message":"must be between 0 and 100"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/settings");

        String html = given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "150").formParam("painThreshold", "7").formParam("inactiveDays", "5")
                .when().post("/admin/settings").then().statusCode(400).extract().asString();
        assertThat(html).contains("value=\"150\" required aria-invalid=\"true\" aria-describedby=\"lowAdherencePercent-error\"",
                "<small id=\"lowAdherencePercent-error\" class=\"field-error\">must be between 0 and 100</small>");

        given().auth().oauth2(token).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", page.csrfToken())
                .formParam("lowAdherencePercent", "sixty").formParam("painThreshold", "7").formParam("inactiveDays", "5")
                .when().post("/admin/settings").then().statusCode(400)
                .body(containsString("<small id=\"lowAdherencePercent-error\" class=\"field-error\">Enter a whole number.</small>"));
        assertThat(StubServices.requests("PUT", "/api/clinic/settings")).hasSize(1);
    }

    @Test
    void theCatalogsRefusalOfADoseIsShownByTheDoseFields() {
        StubServices.answer("POST", "/api/exercises", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"dosage.holdSeconds min must not be greater than max.",
                 "violations":[{"field":"dosage.holdSeconds","message":"min must not be greater than max"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk stretch").formParam("summary", "Round and arch the back.")
                .formParam("steps", "Kneel on all fours.").formParam("holdMin", "60").formParam("holdMax", "30")
                .formParam("bodyRegion", "THORACIC").formParam("category", "MOBILITY").formParam("position", "ALL_FOURS")
                .formParam("sets", "1").formParam("sides", "BOTH").formParam("status", "PUBLISHED")
                .when().post("/admin/library")
                .then().statusCode(400).extract().asString();

        assertThat(html).contains("<fieldset aria-describedby=\"dosage-error\">",
                "<small id=\"dosage-error\" class=\"field-error\">holdSeconds: min must not be greater than max</small>",
                "value=\"Desk stretch\"");
    }

    @Test
    void theCatalogsRefusalOfATemplateItemIsShownByItsRow() {
        stubLibrary();
        StubServices.answer("POST", "/api/routines", 400, "application/problem+json", """
                {"type":"urn:spinewise:problem:validation","title":"Invalid request","status":400,
                 "detail":"items[1].dosage.sets must be at most 20.",
                 "violations":[{"field":"items[1].dosage.sets","message":"must be at most 20"}]}
                """);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/new");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken())
                .formParam("name", "Desk break").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.note", "")
                .formParam("item1.exercise", "thoracic-wall-extension").formParam("item1.sets", "30")
                .formParam("item1.holdMin", "30").formParam("item1.note", "")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "1").formParam("status", "PUBLISHED")
                .when().post("/admin/library/templates")
                .then().statusCode(400).extract().asString();

        // the message sits in the second row's fieldset, after its note field
        assertThat(html).containsPattern("(?s)<legend>Exercise 2</legend>.*name=\"item1.note\"[^>]*>\\s*"
                + "<small class=\"field-error\">dosage.sets: must be at most 20</small>\\s*</fieldset>");
    }

    @Test
    void aStaleExerciseEditIsAConflictWithTheServicesMessageAndTheTypedValuesKept() {
        StubServices.json("GET", "/api/exercises/desk-stretch", Fixtures.CAT_COW
                .replace("\"cat-cow\"", "\"desk-stretch\"").replace("\"library\"", "\"clinic\""), Map.of("ETag", "\"2\""));
        StubServices.problem("PUT", "/api/exercises/desk-stretch", 412,
                "This exercise was changed by someone else since you opened it. Reload it and apply your change again.");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/edit");
        assertThat(page.hidden("etag")).isEqualTo("&quot;2&quot;");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"2\"")
                .formParam("name", "Desk stretch, slower").formParam("summary", "Round and arch the back.")
                // the form's selects always carry a value
                .formParam("bodyRegion", "THORACIC").formParam("category", "MOBILITY").formParam("position", "ALL_FOURS")
                .formParam("steps", "Kneel on all fours.").formParam("holdMin", "20").formParam("holdMax", "30")
                .formParam("sets", "1").formParam("sides", "BOTH").formParam("status", "PUBLISHED")
                .when().post("/admin/library/desk-stretch")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This exercise was changed by someone else since you opened it.",
                "value=\"Desk stretch, slower\"");
        assertThat(StubServices.requests("PUT", "/api/exercises/desk-stretch")).singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).isEqualTo("\"2\""));
    }

    @Test
    void editingATemplateSendsIfMatchAndAStaleEditShowsTheServicesMessage() {
        stubLibrary();
        StubServices.json("GET", "/api/routines/desk-break", DESK_BREAK, Map.of("ETag", "\"3\""));
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/desk-break/edit");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().asString()).contains("value=\"Desk break\"", "value=\"Slowly\"",
                "<option value=\"cat-cow\" selected>");
        assertThat(page.hidden("etag")).isEqualTo("&quot;3&quot;");
        StubServices.problem("PUT", "/api/routines/desk-break", 412,
                "This template was changed by someone else since you opened it. Reload it and apply your change again.");

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"3\"")
                .formParam("name", "Desk break, longer").formParam("description", "Twice a day at the desk.")
                .formParam("item0.exercise", "cat-cow").formParam("item0.sets", "")
                .formParam("days", "MONDAY").formParam("sessionsPerDay", "2").formParam("status", "DRAFT")
                .when().post("/admin/library/templates/desk-break")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This template was changed by someone else since you opened it.",
                "value=\"Desk break, longer\"", "name=\"etag\" value=\"&quot;3&quot;\"");
        assertThat(StubServices.requests("PUT", "/api/routines/desk-break")).singleElement().satisfies(r -> {
            assertThat(r.header("If-Match")).isEqualTo("\"3\"");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
            JsonPath json = JsonPath.from(r.body());
            assertThat(json.getString("name")).isEqualTo("Desk break, longer");
            assertThat(json.getString("status")).isEqualTo("DRAFT");
            assertThat(json.getMap("items[0]")).doesNotContainKey("dosage");
        });
    }

    @Test
    void archivingATemplateAsksFirstThenSendsDelete() {
        StubServices.json("GET", "/api/routines/desk-break", DESK_BREAK, Map.of("ETag", "\"3\""));
        StubServices.answer("DELETE", "/api/routines/desk-break", 204, null, null);
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/templates/desk-break/archive");
        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.hidden("etag")).isEqualTo("&quot;3&quot;");
        assertThat(page.response().asString()).contains("Archive “Desk break”?",
                "action=\"/admin/library/templates/desk-break/archive\"");
        assertThat(StubServices.requests("DELETE", "/api/routines/desk-break")).isEmpty();

        given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("etag", "\"3\"").formParam("name", "Desk break")
                .when().post("/admin/library/templates/desk-break/archive")
                .then().statusCode(303).header("Location", endsWith("/admin/library"));

        assertThat(StubServices.requests("DELETE", "/api/routines/desk-break")).singleElement().satisfies(r -> {
            assertThat(r.header("If-Match")).isEqualTo("\"3\"");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + token);
        });
    }

    @Test
    void archivingAnExerciseSendsDeleteAndARefusalIsShownReadably() {
        StubServices.json("GET", "/api/exercises/desk-stretch", Fixtures.CAT_COW
                .replace("\"cat-cow\"", "\"desk-stretch\"").replace("\"library\"", "\"clinic\""));
        StubServices.problem("DELETE", "/api/exercises/desk-stretch", 412,
                "This exercise was changed by someone else since you opened it.");
        String token = Users.admin();
        Pages.Form page = Pages.get(token, "/admin/library/desk-stretch/archive");
        assertThat(page.response().statusCode()).isEqualTo(200);

        String html = given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", page.csrfToken()).formParam("name", "Cat-cow on all fours")
                .when().post("/admin/library/desk-stretch/archive")
                .then().statusCode(409).extract().asString();

        assertThat(html).contains("This exercise was changed by someone else since you opened it.");
        assertThat(StubServices.requests("DELETE", "/api/exercises/desk-stretch")).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
    }

    @Test
    void theSharedLibraryCannotBeEditedOrArchivedHere() {
        StubServices.json("GET", "/api/routines/mid-back-relief", DESK_BREAK
                .replace("desk-break", "mid-back-relief").replace("\"clinic\"", "\"library\""));

        given().auth().oauth2(Users.admin()).when().get("/admin/library/templates/mid-back-relief/edit")
                .then().statusCode(404);
        given().auth().oauth2(Users.admin()).when().get("/admin/library/templates/mid-back-relief/archive")
                .then().statusCode(404);
    }

    @Test
    void chiropractorsAndPatientsCannotReachTheClinicSettings() {
        for (String token : List.of(Users.chiropractor(), Users.patient())) {
            given().auth().oauth2(token).when().get("/admin/settings").then().statusCode(403);
        }
        assertThat(StubServices.requests("GET", "/api/clinic/settings")).isEmpty();
    }

    @Test
    void patientsCannotReachTheClinicLibraryPagesButChiropractorsCan() {
        stubLibrary();
        StubServices.json("GET", "/api/routines", "{\"items\":[" + DESK_BREAK + "],\"page\":0,\"size\":100,\"total\":1}");
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/library").then().statusCode(200);
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/library/templates/new").then().statusCode(200);
        Pages.Form page = Pages.get(Users.admin(), "/admin/library/templates/new");
        for (String token : List.of(Users.patient())) {
            given().auth().oauth2(token).when().get("/admin/library").then().statusCode(403);
            given().auth().oauth2(token).when().get("/admin/library/templates/new").then().statusCode(403);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", page.csrfToken()).formParam("name", "Sneaky")
                    .when().post("/admin/library/templates").then().statusCode(403);
            given().auth().oauth2(token).redirects().follow(false).cookie("csrf-token", page.csrfCookie())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", page.csrfToken())
                    .when().post("/admin/library/templates/desk-break/archive").then().statusCode(403);
        }
        assertThat(StubServices.requests().stream().filter(r -> !"GET".equals(r.method()))).isEmpty();
    }
}
