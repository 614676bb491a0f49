package io.spinewise.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * A clinic that holds a licence enters the text of a licence-required instrument (docs/outcomes.md): checked
 * against the library's definition, audited without the text, assignable in that clinic only, answered with the
 * clinic's words and scored by the definition, exported to FHIR with them, and removable without losing answers.
 * Each test works in a clinic of its own, so none depends on another. Item texts are made up, never the real ones.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LicensedInstrumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** A clinic of the test's own, with its administrator and chiropractor. */
    private record Clinic(String id, String adminSubject, String admin, String chiro) {

        static Clinic fresh() {
            String id = "lic-" + UUID.randomUUID().toString().substring(0, 8);
            String admin = UUID.randomUUID().toString();
            return new Clinic(id, admin, TestIssuer.token(admin, Roles.CLINIC_ADMIN, id),
                    TestIssuer.token(Roles.CHIROPRACTOR, id));
        }
    }

    /** A made-up NDI text: ten items of six labelled answers each. */
    private static Map<String, Object> ndiText(int items, int options) {
        List<Map<String, Object>> list = IntStream.rangeClosed(1, items).mapToObj(n -> Map.<String, Object>of(
                "text", "Clinic item " + n + " (placeholder wording)",
                "options", IntStream.range(0, options).mapToObj(o -> "Clinic answer " + n + "." + o).toList()))
                .toList();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Clinic neck questionnaire");
        body.put("instructions", "Clinic instructions: choose one answer per item.");
        body.put("items", list);
        body.put("licenceHolder", "Test Clinic Ltd");
        body.put("licenceReference", "LIC-0001");
        return body;
    }

    private static String text(String code) {
        return "/api/clinic/instruments/" + code + "/text";
    }

    private static void enterNdi(Clinic clinic) {
        as(clinic.admin()).body(ndiText(10, 6)).put(text("NDI")).then().statusCode(200)
                .body("instrument", is("NDI")).body("items[9].options[5]", is("Clinic answer 10.5"))
                .body("enteredBy", is(clinic.adminSubject()));
    }

    private static String assignNdi(Clinic clinic, EnrolledPatient p) {
        return as(clinic.chiro()).body(Map.of("instrument", "NDI", "everyWeeks", 2))
                .post("/api/patients/" + p.id() + "/assessments").then().statusCode(201).extract().path("id");
    }

    private static List<Map<String, Object>> ndiAnswers(int value) {
        List<Map<String, Object>> answers = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(n -> answers.add(Map.of("item", "item-" + n, "value", value)));
        return answers;
    }

    @Test
    void onlyTheClinicThatEnteredTheTextCanAssignTheInstrumentAndSeesItsWords() {
        Clinic north = Clinic.fresh();
        Clinic south = Clinic.fresh();
        EnrolledPatient nia = Fixtures.enrol(north.chiro(), north.id(), "Nia", "Europe/Zurich");
        EnrolledPatient sia = Fixtures.enrol(south.chiro(), south.id(), "Sia", "Europe/Zurich");
        as(north.chiro()).body(Map.of("instrument", "NDI")).post("/api/patients/" + nia.id() + "/assessments").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("detail", containsString("needs a licence"));

        enterNdi(north);

        as(north.chiro()).get("/api/instruments").then().statusCode(200)
                .body("find { it.code == 'NDI' }.assignable", is(true))
                .body("find { it.code == 'NDI' }.textSource", is("CLINIC"))
                .body("find { it.code == 'NDI' }.notAssignableReason", nullValue())
                .body("find { it.code == 'NDI' }.title", is("Clinic neck questionnaire"))
                .body("find { it.code == 'NDI' }.items[0].text", is("Clinic item 1 (placeholder wording)"))
                .body("find { it.code == 'RMDQ' }.assignable", is(false))
                .body("find { it.code == 'PSFS' }.textSource", is("SHIPPED"));
        as(south.chiro()).get("/api/instruments/ndi").then().statusCode(200)
                .body("assignable", is(false)).body("textSource", is("NONE"))
                .body("notAssignableReason", containsString("needs a licence"))
                .body("items[0].text", nullValue()).body("title", is("Neck Disability Index"));

        assignNdi(north, nia);
        // the wrong clinic: its chiropractor is refused for its own patient, and cannot reach the other's
        as(south.chiro()).body(Map.of("instrument", "NDI")).post("/api/patients/" + sia.id() + "/assessments")
                .then().statusCode(409).body("detail", containsString("needs a licence"));
        as(south.chiro()).body(Map.of("instrument", "PSFS")).post("/api/patients/" + nia.id() + "/assessments")
                .then().statusCode(404);
        as(south.admin()).get(text("NDI")).then().statusCode(404).contentType(PROBLEM_JSON);
        as(south.admin()).delete(text("NDI")).then().statusCode(404);
        as(north.admin()).get(text("ndi")).then().statusCode(200).body("licenceHolder", is("Test Clinic Ltd"));
    }

    @Test
    void theTextMustFitTheDefinitionAndBePlainElseA400NamesTheField() {
        Clinic clinic = Clinic.fresh();
        as(clinic.admin()).body(ndiText(9, 6)).put(text("NDI")).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", contains("items")).body("detail", containsString("exactly 10 items"));
        Map<String, Object> fewOptions = ndiText(10, 6);
        List<Map<String, Object>> items = new ArrayList<>(castItems(fewOptions));
        items.set(2, Map.of("text", "Clinic item 3", "options", List.of("a", "b", "c", "d", "e")));
        items.set(0, Map.of("text", "Clinic <b>item</b> 1", "options", List.of("a", "b", "c", "d", "e", "f")));
        fewOptions.put("items", items);
        as(clinic.admin()).body(fewOptions).put(text("NDI")).then().statusCode(400)
                .body("violations.field", contains("items[0].text", "items[2].options"));
        Map<String, Object> noHolder = ndiText(10, 6);
        noHolder.remove("licenceHolder");
        as(clinic.admin()).body(noHolder).put(text("NDI")).then().statusCode(400)
                .body("violations.field", contains("licenceHolder"));
        Map<String, Object> lapsed = ndiText(10, 6);
        lapsed.put("validUntil", "2001-01-01");
        as(clinic.admin()).body(lapsed).put(text("NDI")).then().statusCode(400)
                .body("violations.field", contains("validUntil"));
        Map<String, Object> tooLong = ndiText(10, 6);
        tooLong.put("title", "x".repeat(201));
        as(clinic.admin()).body(tooLong).put(text("NDI")).then().statusCode(400)
                .body("violations.field", hasItem("title"));
        Map<String, Object> rmdq = ndiText(24, 2);
        rmdq.put("instructions", "Line one,\r\nline two\tafter a tab (a text area's line breaks are plain text)");
        as(clinic.admin()).body(rmdq).put(text("RMDQ")).then().statusCode(200);
        as(clinic.admin()).body(ndiText(1, 11)).put(text("NPRS")).then().statusCode(409)
                .body("detail", containsString("ships with its text"));
        as(clinic.admin()).body(ndiText(10, 6)).put(text("XYZ")).then().statusCode(404);
        as(clinic.chiro()).body(ndiText(10, 6)).put(text("NDI")).then().statusCode(403);
        anonymous().body(ndiText(10, 6)).put(text("NDI")).then().statusCode(401);
        as(clinic.admin()).get(text("NDI")).then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castItems(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("items");
    }

    @Test
    void thePatientAnswersWithTheClinicsWordsScoredByTheDefinition() throws Exception {
        Clinic clinic = Clinic.fresh();
        enterNdi(clinic);
        EnrolledPatient pia = Fixtures.enrol(clinic.chiro(), clinic.id(), "Pia", "Europe/Zurich");
        String assignment = assignNdi(clinic, pia);
        as(pia.token()).get("/api/me/assessments/due").then().statusCode(200)
                .body("[0].title", is("Clinic neck questionnaire"))
                .body("[0].instructions", is("Clinic instructions: choose one answer per item."))
                .body("[0].items[4].text", is("Clinic item 5 (placeholder wording)"))
                .body("[0].items[4].options[3].label", is("Clinic answer 5.3"))
                .body("[0].items[4].options[3].value", is(3));
        as(pia.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", pia.today().toString(), "answers", ndiAnswers(6)))
                .post("/api/me/assessments/" + assignment + "/responses").then().statusCode(400)
                .body("violations.field", hasItem("answers.item-1"));
        as(pia.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", pia.today().toString(), "answers", ndiAnswers(3)))
                .post("/api/me/assessments/" + assignment + "/responses").then().statusCode(201)
                .body("score", is(30f));
        as(clinic.chiro()).get("/api/patients/" + pia.id() + "/outcomes").then().statusCode(200)
                .body("[0].title", is("Clinic neck questionnaire")).body("[0].scores[0].score", is(30f))
                .body("[0].mcid", is(5));

        JsonNode bundle = JSON.readTree(as(clinic.chiro()).get("/api/patients/" + pia.id() + "/fhir").then()
                .statusCode(200).extract().asString());
        JsonNode questionnaire = resource(bundle, "Questionnaire");
        assertThat(questionnaire.path("title").asText()).isEqualTo("Clinic neck questionnaire");
        assertThat(questionnaire.at("/item/0/text").asText()).isEqualTo("Clinic item 1 (placeholder wording)");
        assertThat(questionnaire.path("copyright").asText()).contains("holder Test Clinic Ltd, reference LIC-0001");
        assertThat(FhirValidation.errors(bundle.toString())).isEmpty();
        assertThat(FhirValidation.errors(questionnaire.toString())).isEmpty();
        assertThat(FhirValidation.errorsAgainst(resource(bundle, "QuestionnaireResponse").toString(),
                List.of(questionnaire.toString()))).isEmpty();
    }

    @Test
    void removingTheTextStopsAssignmentsButKeepsTheAnswersReadableAndIsAuditedWithoutTheText() throws Exception {
        Clinic clinic = Clinic.fresh();
        enterNdi(clinic);
        EnrolledPatient ria = Fixtures.enrol(clinic.chiro(), clinic.id(), "Ria", "Europe/Zurich");
        String assignment = assignNdi(clinic, ria);
        as(ria.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", ria.today().toString(), "answers", ndiAnswers(2)))
                .post("/api/me/assessments/" + assignment + "/responses").then().statusCode(201);

        as(clinic.admin()).delete(text("NDI")).then().statusCode(204);

        as(clinic.chiro()).get("/api/patients/" + ria.id() + "/assessments").then().statusCode(200)
                .body("[0].active", is(false)).body("[0].stoppedOn", is(ria.today().toString()));
        as(ria.token()).get("/api/me/assessments/due").then().statusCode(200).body("$", empty());
        as(clinic.chiro()).body(Map.of("instrument", "NDI")).post("/api/patients/" + ria.id() + "/assessments")
                .then().statusCode(409);
        as(clinic.chiro()).get("/api/instruments/NDI").then().body("textSource", is("NONE"));
        as(clinic.chiro()).get("/api/patients/" + ria.id() + "/outcomes").then().statusCode(200)
                .body("[0].scores[0].score", is(20f)).body("[0].title", is("Clinic neck questionnaire"));
        JsonNode bundle = JSON.readTree(as(clinic.chiro()).get("/api/patients/" + ria.id() + "/fhir").then()
                .statusCode(200).extract().asString());
        assertThat(resource(bundle, "Questionnaire").at("/item/0/text").asText()).startsWith("Clinic item 1");
        as(clinic.admin()).get(text("NDI")).then().statusCode(404);
        as(clinic.admin()).delete(text("NDI")).then().statusCode(404);

        // entered again: assignable again
        enterNdi(clinic);
        assignNdi(clinic, ria);

        List<String> audited = audited(clinic.adminSubject());
        assertThat(audited).contains("clinic.instrument-text.put SUCCESS instrument-text NDI",
                "clinic.instrument-text.remove SUCCESS instrument-text NDI");
        assertThat(String.join("\n", audited)).doesNotContain("Clinic item");
    }

    private static JsonNode resource(JsonNode bundle, String type) {
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.at("/resource/resourceType").asText().equals(type)) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no " + type + " in " + bundle);
    }

    /** Every audit column of the actor's records, oldest first: action, outcome, target. */
    private List<String> audited(String actor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action, outcome, target FROM audit_event WHERE actor = ? ORDER BY id")) {
            s.setString(1, actor);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        }
    }
}
