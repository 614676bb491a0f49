package io.spinewise.web;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.spinewise.web.PatientStubs.stubPatient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The FHIR R4 downloads streamed through from plan-service: a patient's Bundle on their page (chiropractors), the
 * patient's own on Progress, the clinic's bulk NDJSON per resource type on the reports page (administrators); each
 * with plan-service's content type, as an attachment, and for the roles plan-service serves it to.
 */
@QuarkusTest
@WithTestResource(TestIssuer.class)
@WithTestResource(StubServices.class)
class FhirDownloadsTest {

    private static final String BUNDLE = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}";
    private static final String NDJSON = "{\"resourceType\":\"CarePlan\",\"id\":\"c1\"}\n";

    @BeforeEach
    void clean() {
        StubServices.reset();
    }

    @Test
    void aChiropractorDownloadsThePatientsRecordFromThePatientsPage() {
        stubPatient(Fixtures.adherence());
        assertThat(given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID)
                .then().statusCode(200).extract().asString())
                .contains("href=\"/patients/" + Fixtures.PATIENT_ID + "/fhir.json\"", "Download record (FHIR R4 JSON)");
        StubServices.answer("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/fhir", 200, "application/fhir+json", BUNDLE);

        given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID + "/fhir.json")
                .then().statusCode(200)
                .contentType("application/fhir+json")
                .header("Content-Disposition", equalTo("attachment; filename=\"patient-" + Fixtures.PATIENT_ID
                        + "-fhir.json\""))
                .header("Cache-Control", "no-store")
                .body(equalTo(BUNDLE));
        assertThat(StubServices.requests("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/fhir")).hasSize(1);
    }

    @Test
    void aPatientDownloadsTheirOwnRecordFromProgress() {
        StubServices.answer("GET", "/api/me/fhir", 200, "application/fhir+json", BUNDLE);

        given().auth().oauth2(Users.patient()).when().get("/progress/fhir.json")
                .then().statusCode(200)
                .contentType("application/fhir+json")
                .header("Content-Disposition", containsString("attachment; filename=\"spinewise-my-record-fhir-"))
                .body(equalTo(BUNDLE));
    }

    @Test
    void anAdministratorDownloadsTheClinicsBulkFilePerResourceType() {
        StubServices.problem("GET", "/api/clinic/chiropractors", 503, "down");
        assertThat(given().auth().oauth2(Users.admin()).when().get("/admin/reports").then().statusCode(200)
                .extract().asString()).contains("FHIR R4 bulk export", "href=\"/admin/reports/fhir/CarePlan.ndjson\"",
                "href=\"/admin/reports/fhir/QuestionnaireResponse.ndjson\"");
        StubServices.answer("GET", "/api/fhir/export/CarePlan.ndjson", 200, "application/fhir+ndjson", NDJSON);

        given().auth().oauth2(Users.admin()).when().get("/admin/reports/fhir/CarePlan.ndjson")
                .then().statusCode(200)
                .contentType("application/fhir+ndjson")
                .header("Content-Disposition", containsString("attachment; filename=\"CarePlan-"))
                .body(equalTo(NDJSON));
    }

    @Test
    void aTypeTheExportDoesNotHaveIsA404WithoutAskingPlanService() {
        given().auth().oauth2(Users.admin()).when().get("/admin/reports/fhir/Encounter.ndjson")
                .then().statusCode(404);
        given().auth().oauth2(Users.admin()).when().get("/admin/reports/fhir/..%2Fme%2Ffhir.ndjson")
                .then().statusCode(404);
        assertThat(StubServices.requests()).isEmpty();
    }

    @Test
    void eachDownloadIsForTheRolesPlanServiceServesItTo() {
        given().auth().oauth2(Users.patient()).when().get("/patients/" + Fixtures.PATIENT_ID + "/fhir.json")
                .then().statusCode(403);
        given().auth().oauth2(Users.chiropractor()).when().get("/admin/reports/fhir/Patient.ndjson")
                .then().statusCode(403);
        given().auth().oauth2(Users.chiropractor()).when().get("/progress/fhir.json").then().statusCode(403);
        given().auth().oauth2(Users.admin()).when().get("/progress/fhir.json").then().statusCode(403);
        assertThat(StubServices.requests()).isEmpty();
        StubServices.problem("GET", "/api/clinic/chiropractors", 503, "down");
        assertThat(given().auth().oauth2(Users.chiropractor()).when().get("/admin/reports").then().statusCode(200)
                .extract().asString()).doesNotContain("FHIR R4 bulk export");
    }

    @Test
    void anotherClinicsPatientIsPlanServicesAnswer() {
        StubServices.problem("GET", "/api/patients/" + Fixtures.PATIENT_ID + "/fhir", 404, "No patient in your clinic.");
        given().auth().oauth2(Users.chiropractor()).when().get("/patients/" + Fixtures.PATIENT_ID + "/fhir.json")
                .then().statusCode(404);
    }
}
