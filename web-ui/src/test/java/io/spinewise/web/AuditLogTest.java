package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The administrator's audit log (paging, dates, the patient filter) against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class AuditLogTest {

    @BeforeEach
    void clean() {
        StubServices.reset();
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

    @Test
    void aChiropractorIsRefusedTheAdministratorPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/audit").then().statusCode(403);
    }

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
}
