package io.spinewise.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.plan.fhir.FhirNarrative;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.prescribe;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.SOUTH_ADMIN;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR R4 export: a patient's Bundle and the clinic's bulk NDJSON hold what the database holds, every
 * reference resolves, and the HAPI FHIR validator (offline, {@link FhirValidation}) finds no error in the Bundle
 * or in any resource. What it still warns about, and why it may:
 * <ul>
 *   <li>LOINC 72514-3 on the pain Observations: LOINC is not loaded offline, so the code and its display are not
 *   checked;</li>
 *   <li>the exercise slugs' code system ({@code spinewise.fhir.system-base}{@code exercise}) is Spinewise's own
 *   and published nowhere, so the validator cannot know its codes;</li>
 *   <li>the questionnaire scores' code system ({@code …outcome-score}) is Spinewise's own as well, and the PSFS
 *   score's UCUM unit {@code {score}} is an annotation, which the validator flags as a best practice;</li>
 *   <li>a QuestionnaireResponse's Questionnaire is not looked up in the Bundle, so each response is validated
 *   again against the Bundle's Questionnaires ({@link FhirValidation#errorsAgainst});</li>
 * </ul>
 * dom-6 ("a resource should have narrative") no longer warns: every resource carries a short generated
 * {@code text}, which the test holds to a plain escaped XHTML div.
 * The test prints every warning it saw, so a new one shows in the build log.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FhirExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EnrolledPatient nora;
    private static EnrolledPatient sam;
    private static String norasPlan;
    private static String norasPausedPlan;
    private static String norasCheckOff;
    private static Instant norasPerformedAt;
    private static String norasPsfs;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void noraWithTwoPlansAndACheckOffSentLaterAndSamOfAnotherClinic() {
        if (nora != null) {
            return;
        }
        nora = enrol(NORTH_CHIRO, NORTH, "Nora", "Europe/Zurich");
        norasPlan = prescribe(NORTH_CHIRO, nora.id(), fromRoutine("mid-back-relief",
                schedule(nora.today(), 2, DayOfWeek.values())));
        norasPausedPlan = prescribe(NORTH_CHIRO, nora.id(), fromRoutine("mid-back-relief",
                schedule(nora.today(), 1, DayOfWeek.MONDAY, DayOfWeek.THURSDAY)));
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + norasPausedPlan).then().statusCode(200);
        // done a minute ago, sent now: the Procedure is dated when it was done, not when it arrived
        norasPerformedAt = Instant.now().minusSeconds(60);
        Map<String, Object> body = checkOff(norasPlan, nora.today(), 1);
        body.put("performedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(norasPerformedAt.atZone(nora.zone())));
        norasCheckOff = as(nora.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/me/sessions").then().statusCode(201).extract().path("id");
        Map<String, Object> second = checkOff(norasPlan, nora.today(), 2);
        second.remove("painBefore");
        as(nora.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(second)
                .post("/api/me/sessions").then().statusCode(201);

        norasPsfs = answerQuestionnaires();

        sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "UTC");
        prescribe(SOUTH_CHIRO, sam.id(), fromRoutine("mid-back-relief", schedule(sam.today(), 1)));
    }

    @Test
    void bundleHoldsThePatientHerPlansCheckOffsAndPainAsStored() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        assertThat(bundle.path("type").asText()).isEqualTo("collection");

        JsonNode patient = only(bundle, "Patient");
        assertThat(patient.path("id").asText()).isEqualTo(nora.id());
        assertThat(patient.at("/identifier/0/system").asText()).endsWith("/clinic/north/patient-id");
        assertThat(patient.at("/identifier/0/value").asText()).isEqualTo(nora.id());
        assertThat(patient.at("/name/0/family").asText()).isEqualTo("Tester");
        assertThat(patient.at("/name/0/given/0").asText()).isEqualTo("Nora");
        assertThat(patient.has("telecom")).as("no e-mail address leaves").isFalse();

        JsonNode plan = byId(bundle, norasPlan);
        assertThat(plan.path("status").asText()).isEqualTo("active");
        assertThat(plan.path("subject").path("reference").asText()).isEqualTo("urn:uuid:" + nora.id());
        List<String> exercises = as(NORTH_CHIRO).get("/api/plans/" + norasPlan).then().statusCode(200)
                .extract().path("items.exerciseName");
        assertThat(plan.findValuesAsText("text")).containsAll(exercises);
        assertThat(plan.path("activity")).hasSize(exercises.size());
        JsonNode repeat = plan.at("/activity/0/detail/scheduledTiming/repeat");
        assertThat(repeat.path("frequency").asInt()).isEqualTo(2);
        assertThat(repeat.path("periodUnit").asText()).isEqualTo("d");
        assertThat(repeat.path("dayOfWeek")).hasSize(7);
        assertThat(repeat.at("/boundsPeriod/start").asText()).isEqualTo(nora.today().toString());
        assertThat(plan.at("/activity/0/detail/description").asText()).contains("set");

        JsonNode paused = byId(bundle, norasPausedPlan);
        assertThat(paused.path("status").asText()).isEqualTo("on-hold");
        assertThat(paused.at("/activity/0/detail/scheduledTiming/repeat/dayOfWeek").toString())
                .isEqualTo("[\"mon\",\"thu\"]");

        JsonNode procedure = byId(bundle, norasCheckOff);
        assertThat(procedure.path("status").asText()).isEqualTo("completed");
        assertThat(procedure.at("/basedOn/0/reference").asText()).isEqualTo("urn:uuid:" + norasPlan);
        assertThat(OffsetDateTime.parse(procedure.path("performedDateTime").asText()).toInstant())
                .isEqualTo(storedPerformedAt(norasCheckOff));
        assertThat(procedure.at("/note/0/text").asText()).isEqualTo("felt good");
        assertThat(resources(bundle, "Procedure")).hasSize(2);

        List<JsonNode> pain = resources(bundle, "Observation").stream().filter(o -> o.has("partOf")).toList();
        assertThat(pain).as("before and after of the first session, after of the second").hasSize(3);
        assertThat(pain).allSatisfy(o -> {
            assertThat(o.at("/code/coding/0/system").asText()).isEqualTo("http://loinc.org");
            assertThat(o.at("/code/coding/0/code").asText()).isEqualTo("72514-3");
            assertThat(o.at("/subject/reference").asText()).isEqualTo("urn:uuid:" + nora.id());
        });
        List<JsonNode> first = pain.stream()
                .filter(o -> o.at("/partOf/0/reference").asText().equals("urn:uuid:" + norasCheckOff)).toList();
        assertThat(first).extracting(o -> o.path("valueInteger").asInt()).containsExactly(5, 3);
        assertThat(first.get(0).path("effectiveDateTime").asText())
                .isEqualTo(procedure.path("performedDateTime").asText());
    }

    @Test
    void everyReferenceInTheBundleResolvesToAnEntry() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        Set<String> fullUrls = new HashSet<>(bundle.findValuesAsText("fullUrl"));
        assertThat(fullUrls).hasSize(bundle.path("entry").size());
        List<String> references = bundle.findValuesAsText("reference");
        assertThat(references).isNotEmpty().allSatisfy(r -> assertThat(fullUrls).contains(r));
        List<String> canonicals = resources(bundle, "Questionnaire").stream().map(q -> q.path("url").asText())
                .toList();
        assertThat(resources(bundle, "QuestionnaireResponse")).isNotEmpty()
                .allSatisfy(r -> assertThat(canonicals).contains(r.path("questionnaire").asText()));
    }

    @Test
    void validatorFindsNoErrorInTheBundleNorInAnyOfItsResources() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        assertThat(FhirValidation.errors(bundle.toString())).isEmpty();
        Set<String> warnings = new HashSet<>(FhirValidation.warnings(bundle.toString()));
        for (JsonNode entry : bundle.path("entry")) {
            String resource = entry.path("resource").toString();
            assertThat(FhirValidation.errors(resource)).as(resource).isEmpty();
            warnings.addAll(FhirValidation.warnings(resource));
        }
        warnings.stream().sorted().forEach(w -> System.out.println("FHIR validator: " + w));
        assertThat(warnings).noneMatch(w -> w.contains("dom-6"));
    }

    @Test
    void everyResourceHasAShortGeneratedNarrativeSayingWhatItsElementsSay() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode text = entry.path("resource").path("text");
            assertThat(text.path("status").asText()).isEqualTo("generated");
            assertThat(text.path("div").asText()).startsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\">"
                    + entry.path("resource").path("resourceType").asText()).endsWith("</div>").hasSizeLessThan(400);
        }
        assertThat(resources(bundle, "Patient").get(0).path("text").path("div").asText()).contains("Nora");
        assertThat(FhirNarrative.escape("<b>R&D \"x\"</b>")).isEqualTo("&lt;b&gt;R&amp;D &quot;x&quot;&lt;/b&gt;");
    }

    @Test
    void validatorIsNotToothlessItRefusesAProcedureWithoutStatusAndACarePlanWithoutIntent() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        JsonNode procedure = byId(bundle, norasCheckOff);
        String withoutStatus = ((ObjectNode) procedure.deepCopy()).without("status").toString();
        assertThat(FhirValidation.errors(withoutStatus)).anyMatch(e -> e.contains("Procedure.status"));
        String withoutIntent = ((ObjectNode) byId(bundle, norasPlan).deepCopy()).without("intent").toString();
        assertThat(FhirValidation.errors(withoutIntent)).anyMatch(e -> e.contains("CarePlan.intent"));
    }

    @Test
    void thePatientReadsHerOwnBundleAndNoOneElses() throws Exception {
        String body = as(nora.token()).get("/api/me/fhir").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString();
        JsonNode mine = JSON.readTree(body);
        assertThat(resources(mine, "Patient")).extracting(p -> p.path("id").asText()).containsExactly(nora.id());
        assertThat(resources(mine, "Procedure")).hasSize(2);
        as(nora.token()).get("/api/patients/" + nora.id() + "/fhir").then().statusCode(403);
        as(sam.token()).get("/api/me/fhir").then().statusCode(200);
        assertThat(as(sam.token()).get("/api/me/fhir").asString()).doesNotContain(nora.id());
    }

    @Test
    void anotherClinicsPatientIsNotFound() {
        as(SOUTH_CHIRO).get("/api/patients/" + nora.id() + "/fhir").then().statusCode(404).contentType(PROBLEM_JSON);
        as(SOUTH_ADMIN).get("/api/patients/" + nora.id() + "/fhir").then().statusCode(404);
        as(NORTH_CHIRO).get("/api/patients/" + UUID.randomUUID() + "/fhir").then().statusCode(404);
        as(NORTH_ADMIN).get("/api/patients/" + nora.id() + "/fhir").then().statusCode(200);
    }

    @Test
    void bulkFilesHoldTheClinicsResourcesOneValidResourceALine() throws Exception {
        Set<String> ids = new HashSet<>();
        for (String type : List.of("Patient", "CarePlan", "Procedure", "Observation", "Questionnaire",
                "QuestionnaireResponse")) {
            String body = as(NORTH_ADMIN).get("/api/fhir/export/" + type + ".ndjson").then().statusCode(200)
                    .contentType("application/fhir+ndjson").extract().asString();
            String[] lines = body.split("\n");
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode resource = JSON.readTree(line);
                assertThat(resource.path("resourceType").asText()).isEqualTo(type);
                assertThat(FhirValidation.errors(line)).as(line).isEmpty();
                ids.add(type + "/" + resource.path("id").asText());
                assertThat(line).doesNotContain(sam.id()).doesNotContain("urn:uuid:");
            }
        }
        assertThat(ids).contains("Patient/" + nora.id(), "CarePlan/" + norasPlan, "Procedure/" + norasCheckOff,
                "QuestionnaireResponse/" + norasPsfs);
        String observations = as(NORTH_ADMIN).get("/api/fhir/export/Observation.ndjson").asString();
        assertThat(observations).contains("\"derivedFrom\":[{\"reference\":\"QuestionnaireResponse/" + norasPsfs);
        String procedures = as(NORTH_ADMIN).get("/api/fhir/export/Procedure.ndjson").asString();
        assertThat(procedures).contains("\"reference\":\"CarePlan/" + norasPlan + "\"");
    }

    @Test
    void bulkExportIsForAdministratorsOfKnownTypesOnly() {
        as(NORTH_CHIRO).get("/api/fhir/export/Patient.ndjson").then().statusCode(403);
        as(nora.token()).get("/api/fhir/export/Patient.ndjson").then().statusCode(403);
        as(NORTH_ADMIN).get("/api/fhir/export/Medication.ndjson").then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(as(SOUTH_ADMIN).get("/api/fhir/export/Patient.ndjson").asString()).contains(sam.id())
                .doesNotContain(nora.id());
    }

    @Test
    void everyExportIsAudited() throws Exception {
        String actor = UUID.randomUUID().toString();
        as(TestIssuer.token(actor, "chiropractor", NORTH)).get("/api/patients/" + nora.id() + "/fhir").then()
                .statusCode(200);
        assertThat(audited(actor)).containsExactly("fhir.patient SUCCESS " + nora.id() + " FHIR bundle");
        as(nora.token()).get("/api/me/fhir").then().statusCode(200);
        assertThat(audited(nora.subject())).contains("fhir.me SUCCESS " + nora.id() + " FHIR bundle");
        String admin = UUID.randomUUID().toString();
        String lines = as(TestIssuer.token(admin, "clinic-admin", NORTH)).get("/api/fhir/export/Patient.ndjson")
                .then().statusCode(200).extract().asString();
        long count = lines.lines().count();
        assertThat(audited(admin)).containsExactly("fhir.bulk SUCCESS null FHIR Patient.ndjson, started",
                "fhir.bulk SUCCESS null FHIR Patient.ndjson, " + count + " rows");
    }

    @Test
    void questionnairesResponsesAndScoresHoldTheAnswersAsStored() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        List<JsonNode> questionnaires = resources(bundle, "Questionnaire");
        assertThat(questionnaires).extracting(q -> q.path("name").asText()).containsExactly("NDI", "NPRS", "PSFS");
        assertThat(questionnaires).allSatisfy(q -> {
            assertThat(q.path("status").asText()).isEqualTo("active");
            assertThat(q.path("url").asText()).endsWith("/Questionnaire/" + q.path("name").asText().toLowerCase());
            assertThat(q.path("copyright").asText()).isNotBlank();
        });
        JsonNode ndi = questionnaires.get(0);
        assertThat(ndi.path("item")).hasSize(10);
        assertThat(ndi.path("item").findValues("text")).as("a licence-required instrument carries no texts").isEmpty();
        assertThat(ndi.at("/text/div").asText()).as("its narrative: the title only")
                .isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\">Questionnaire: Neck Disability Index (active)</div>");
        JsonNode nprs = questionnaires.get(1);
        assertThat(nprs.at("/item/0/linkId").asText()).isEqualTo("pain");
        assertThat(nprs.at("/item/0/text").asText()).isEqualTo("Your pain over the last 24 hours");
        assertThat(nprs.at("/item/0/answerOption")).hasSize(11);

        List<JsonNode> responses = resources(bundle, "QuestionnaireResponse");
        assertThat(responses).hasSize(3);
        for (JsonNode response : responses) {
            Stored stored = storedResponse(response.path("id").asText());
            assertThat(response.path("status").asText()).isEqualTo("completed");
            assertThat(response.at("/subject/reference").asText()).isEqualTo("urn:uuid:" + nora.id());
            assertThat(OffsetDateTime.parse(response.path("authored").asText()).toInstant()).isEqualTo(stored.at());
            JsonNode score = resources(bundle, "Observation").stream().filter(o -> o.at("/derivedFrom/0/reference")
                    .asText().equals("urn:uuid:" + response.path("id").asText())).findFirst().orElseThrow();
            assertThat(score.has("valueInteger") ? score.path("valueInteger").decimalValue()
                    : score.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo(stored.score());
            assertThat(score.path("effectiveDateTime").asText()).isEqualTo(response.path("authored").asText());
        }
        JsonNode psfs = byId(bundle, norasPsfs);
        assertThat(psfs.findValuesAsText("valueString")).containsExactly("Lifting my son", "Gardening");
        assertThat(psfs.at("/item/1/item/1/answer/0/valueInteger").asInt()).isEqualTo(5);
        JsonNode psfsScore = resources(bundle, "Observation").stream()
                .filter(o -> o.at("/code/coding/0/code").asText().equals("PSFS")).findFirst().orElseThrow();
        assertThat(psfsScore.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("4.00");
        JsonNode nprsScore = resources(bundle, "Observation").stream()
                .filter(o -> o.at("/code/coding/1/code").asText().equals("NPRS")).findFirst().orElseThrow();
        assertThat(nprsScore.at("/code/coding/0/code").asText()).isEqualTo("72514-3");
        assertThat(nprsScore.path("valueInteger").asInt()).isEqualTo(6);
    }

    /**
     * Nora answers the NPRS (6) and the PSFS (two activities, 3 and 5: 4.00), and has an NDI answer stored as a
     * clinic with a licence would have it (the library does not let a licence-required instrument be assigned).
     */
    private String answerQuestionnaires() {
        String nprs = as(NORTH_CHIRO).body(Map.of("instrument", "NPRS")).post("/api/patients/" + nora.id()
                + "/assessments").then().statusCode(201).extract().path("id");
        String psfs = as(NORTH_CHIRO).body(Map.of("instrument", "PSFS")).post("/api/patients/" + nora.id()
                + "/assessments").then().statusCode(201).extract().path("id");
        answerAs(nora, nprs, List.of(Map.of("item", "pain", "value", 6)));
        String response = answerAs(nora, psfs, List.of(Map.of("item", "activity-1", "activity", "Lifting my son",
                "value", 3), Map.of("item", "activity-2", "activity", "Gardening", "value", 5)));
        try (Connection c = dataSource.getConnection()) {
            UUID assignment = UUID.randomUUID();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment_assignment (id, patient_id,"
                    + " clinic_id, instrument, start_date, created_by, created_at) VALUES (?, ?, 'north', 'NDI',"
                    + " current_date, 'test', now())")) {
                s.setObject(1, assignment);
                s.setObject(2, UUID.fromString(nora.id()));
                s.executeUpdate();
            }
            StringBuilder answers = new StringBuilder("[");
            for (int n = 1; n <= 10; n++) {
                answers.append(n > 1 ? "," : "").append("{\"item\":\"item-").append(n).append("\",\"value\":2}");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment_response (id, assignment_id,"
                    + " patient_id, clinic_id, instrument, due_date, answered_at, answered_on, answers, score,"
                    + " idempotency_key, request_hash) VALUES (?, ?, ?, 'north', 'NDI', current_date, now(),"
                    + " current_date, CAST(? AS jsonb), 20, 'ndi', 'test')")) {
                s.setObject(1, UUID.randomUUID());
                s.setObject(2, assignment);
                s.setObject(3, UUID.fromString(nora.id()));
                s.setString(4, answers.append("]").toString());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static String answerAs(EnrolledPatient p, String assignment, List<Map<String, Object>> answers) {
        return as(p.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", p.today().toString(), "answers", answers))
                .post("/api/me/assessments/" + assignment + "/responses").then().statusCode(201).extract().path("id");
    }

    private record Stored(Instant at, BigDecimal score) {
    }

    private Stored storedResponse(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT answered_at, score FROM assessment_response WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Stored(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBigDecimal(2));
            }
        }
    }

    @Test
    void eachResponseValidatesAgainstItsQuestionnaireAndAWrongAnswerDoesNot() throws Exception {
        JsonNode bundle = bundle(NORTH_CHIRO, nora.id());
        List<String> questionnaires = resources(bundle, "Questionnaire").stream().map(JsonNode::toString).toList();
        for (JsonNode response : resources(bundle, "QuestionnaireResponse")) {
            assertThat(FhirValidation.errorsAgainst(response.toString(), questionnaires)).as(response.toString())
                    .isEmpty();
        }
        ObjectNode wrong = (ObjectNode) byId(bundle, norasPsfs).deepCopy();
        ((ObjectNode) wrong.at("/item/0/item/1/answer/0")).put("valueInteger", 11);
        assertThat(FhirValidation.errorsAgainst(wrong.toString(), questionnaires)).isNotEmpty();
        ObjectNode unknown = (ObjectNode) byId(bundle, norasPsfs).deepCopy();
        ((ObjectNode) unknown.at("/item/0")).put("linkId", "activity-9");
        assertThat(FhirValidation.errorsAgainst(unknown.toString(), questionnaires)).isNotEmpty();
    }

    private static JsonNode bundle(String token, String patientId) throws IOException {
        return JSON.readTree(as(token).get("/api/patients/" + patientId + "/fhir").then().statusCode(200)
                .contentType("application/fhir+json").extract().asString());
    }

    private static List<JsonNode> resources(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.at("/resource/resourceType").asText().equals(type)) {
                found.add(entry.path("resource"));
            }
        }
        return found;
    }

    private static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = resources(bundle, type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static JsonNode byId(JsonNode bundle, String id) {
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.at("/resource/id").asText().equals(id)) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no entry " + id);
    }

    private Instant storedPerformedAt(String checkOff) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT performed_at FROM session_checkoff WHERE id = ?")) {
            s.setObject(1, UUID.fromString(checkOff));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    /** The actor's audit records, oldest first: action, outcome, patient and target. */
    private List<String> audited(String actor) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT action, outcome, patient_id, target FROM audit_event WHERE actor = ? ORDER BY id")) {
            s.setString(1, actor);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4));
                }
            }
            return rows;
        }
    }
}
