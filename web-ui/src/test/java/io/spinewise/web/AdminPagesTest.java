package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The clinic administrator's pages against the stub services ({@link StubServices}). */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class AdminPagesTest {

    private static final String CSV = """
            patient_id,date,scheduled,completed
            %1$s,2026-11-01,1,1
            %1$s,2026-11-02,1,0
            %1$s,2026-11-03,2,2
            """.formatted(Fixtures.PATIENT_ID);

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void reportSummaryAddsUpTheStreamedCsvPerPatient() {
        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", CSV);
        StubServices.json("GET", "/api/patients", """
                {"items":[{"id":"%s","name":"Paul Patient"}],"page":0,"size":100,"total":1}
                """.formatted(Fixtures.PATIENT_ID));

        String html = given().auth().oauth2(Users.admin()).header("HX-Request", "true")
                .when().get("/admin/reports/summary?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).extract().asString();

        assertThat(html).contains("Paul Patient", "<td>4</td>", "<td>3</td>", "75 %",
                "/admin/reports/patients/" + Fixtures.PATIENT_ID + ".pdf?from=2026-11-01&amp;to=2026-11-30");
        assertThat(StubServices.requests("GET", "/api/reports/adherence.csv")).singleElement()
                .satisfies(r -> assertThat(r.query()).isEqualTo("from=2026-11-01&to=2026-11-30"));
    }

    @Test
    void csvDownloadIsPassedThroughAsAnAttachment() {
        StubServices.answer("GET", "/api/reports/adherence.csv", 200, "text/csv", CSV);

        given().auth().oauth2(Users.admin()).when().get("/admin/reports/adherence.csv?from=2026-11-01&to=2026-11-30")
                .then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("adherence-2026-11-01-to-2026-11-30.csv"))
                .body(containsString("patient_id,date,scheduled,completed"));
    }

    @Test
    void auditLogShowsEventsFromAPage() {
        StubServices.json("GET", "/api/audit", """
                {"items":[{"id":1,"at":"2026-11-23T08:00:00Z","actor":"dr.ada","actorRole":"chiropractor",
                 "patientId":"%s","action":"PLAN_CREATED","outcome":"OK","status":201,"target":"plan"}],"page":0,"size":50,"total":1}
                """.formatted(Fixtures.PATIENT_ID));
        StubServices.json("GET", "/api/patients", "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");

        given().auth().oauth2(Users.admin()).when().get("/admin/audit")
                .then().statusCode(200)
                .body(containsString("dr.ada"))
                .body(containsString("PLAN_CREATED"));
    }

    @Test
    void aChiropractorIsRefusedTheAdministratorPages() {
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/audit").then().statusCode(403);
    }
}
