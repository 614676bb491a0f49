package io.spinewise.plan;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.plan.data.OutcomeRows;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Outcome questionnaires over HTTP against the real database: the library, assigning, what is due, answering
 * once (retries replayed), invalid answers named, other clinics and patients kept out, missed occasions across
 * weeks, outcomes judged by the MCID, in the patient PDF and the clinic CSV.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class QuestionnairesTest {

    private static final String DUE = "/api/me/assessments/due";

    @Inject
    AgroalDataSource dataSource;

    private static String assessments(EnrolledPatient p) {
        return "/api/patients/" + p.id() + "/assessments";
    }

    private static String assign(EnrolledPatient p, String instrument, Integer everyWeeks) {
        Map<String, Object> body = everyWeeks == null ? Map.of("instrument", instrument)
                : Map.of("instrument", instrument, "everyWeeks", everyWeeks);
        return as(NORTH_CHIRO).body(body).post(assessments(p)).then().statusCode(201).extract().path("id");
    }

    private static Response answer(EnrolledPatient p, String assignment, String key, LocalDate due,
                                   List<Map<String, Object>> answers) {
        return as(p.token()).header("Idempotency-Key", key).body(Map.of("dueDate", due.toString(), "answers", answers))
                .post("/api/me/assessments/" + assignment + "/responses");
    }

    private static List<Map<String, Object>> pain(int value) {
        return List.of(Map.of("item", "pain", "value", value));
    }

    @Test
    void staffSeeTheLibraryWithLicencesAndLicensedInstrumentsCannotBeAssigned() {
        as(NORTH_CHIRO).get("/api/instruments").then().statusCode(200)
                .body("code", contains("NPRS", "PSFS", "NDI", "RMDQ", "ODI"))
                .body("find { it.code == 'NDI' }.licence", is("LICENCE_REQUIRED"))
                .body("find { it.code == 'NDI' }.assignable", is(false))
                .body("find { it.code == 'NDI' }.items[0].text", nullValue())
                .body("find { it.code == 'PSFS' }.mcid", is(2))
                .body("find { it.code == 'PSFS' }.direction", is("HIGHER_IS_BETTER"));
        as(NORTH_ADMIN).get("/api/instruments/psfs").then().statusCode(200).body("items", hasSize(5));
        as(NORTH_CHIRO).get("/api/instruments/EQ5D").then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().get("/api/instruments").then().statusCode(401);
        EnrolledPatient pia = Fixtures.enrol(NORTH_CHIRO, NORTH, "Pia", "Europe/Zurich");
        as(pia.token()).get("/api/instruments").then().statusCode(403);

        as(NORTH_CHIRO).body(Map.of("instrument", "NDI")).post(assessments(pia)).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("licence"));
        as(NORTH_CHIRO).body(Map.of("instrument", "XYZ")).post(assessments(pia)).then().statusCode(400)
                .body("violations.field", hasItem("instrument"));
        as(NORTH_CHIRO).body(Map.of("instrument", "NPRS", "startDate", pia.today().minusDays(30).toString()))
                .post(assessments(pia)).then().statusCode(400).body("violations.field", hasItem("startDate"));
    }

    @Test
    void aDueQuestionnaireIsAnsweredOnceAndARetryIsReplayedNotCounted() {
        EnrolledPatient ria = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ria", "Europe/Zurich");
        String psfs = assign(ria, "PSFS", 2);
        as(NORTH_CHIRO).body(Map.of("instrument", "PSFS")).post(assessments(ria)).then().statusCode(409);
        as(ria.token()).get(DUE).then().statusCode(200)
                .body("assignmentId", contains(psfs))
                .body("[0].dueDate", is(ria.today().toString()))
                .body("[0].language", is("en"))
                .body("[0].items", hasSize(5))
                .body("[0].previousActivities", empty());

        List<Map<String, Object>> answers = List.of(
                Map.of("item", "activity-1", "activity", "Lifting my son", "value", 3),
                Map.of("item", "activity-2", "activity", "Gardening", "value", 4),
                Map.of("item", "activity-3", "activity", "Driving", "value", 6));
        String key = UUID.randomUUID().toString();
        Response first = answer(ria, psfs, key, ria.today(), answers);
        first.then().statusCode(201).header("Idempotent-Replayed", "false").body("score", is(4.33f))
                .body("late", is(false));
        answer(ria, psfs, key, ria.today(), answers).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", is(first.path("id").toString()));
        answer(ria, psfs, key, ria.today(), answers.subList(0, 2)).then().statusCode(422)
                .contentType(PROBLEM_JSON);
        answer(ria, psfs, UUID.randomUUID().toString(), ria.today(), answers).then().statusCode(409);

        as(ria.token()).get(DUE).then().statusCode(200).body("$", empty());
        as(NORTH_CHIRO).get("/api/patients/" + ria.id() + "/outcomes").then().statusCode(200)
                .body("[0].instrument", is("PSFS"))
                .body("[0].scores", hasSize(1))
                .body("[0].verdict", is("ONE_SCORE"))
                .body("[0].changeRule", containsString("at least the minimal clinically important difference"));
        as(NORTH_CHIRO).get(assessments(ria)).then().statusCode(200).body("[0].answered", is(1))
                .body("[0].dueNow", nullValue()).body("[0].nextDue", is(ria.today().plusWeeks(2).toString()));
        as(ria.token()).get("/api/me/outcomes").then().statusCode(200).body("[0].scores[0].score", is(4.33f));
        as(ria.token()).get("/api/me/export").then().statusCode(200)
                .body("assessments[0].id", is(psfs))
                .body("responses[0].response.score", is(4.33f))
                .body("responses[0].answers.activity", contains("Lifting my son", "Gardening", "Driving"));
    }

    @Test
    void invalidAnswersAreA400NamingTheItemAndNothingIsStored() {
        EnrolledPatient ivo = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ivo", "Europe/Zurich");
        String nprs = assign(ivo, "NPRS", null);
        answer(ivo, nprs, UUID.randomUUID().toString(), ivo.today(), pain(11)).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", contains("answers.pain"));
        answer(ivo, nprs, UUID.randomUUID().toString(), ivo.today(), List.of()).then().statusCode(400)
                .body("violations.field", contains("answers.pain"));
        answer(ivo, nprs, UUID.randomUUID().toString(), ivo.today().minusDays(1), pain(3)).then().statusCode(400)
                .body("violations.field", contains("dueDate"));
        as(ivo.token()).body(Map.of("dueDate", ivo.today().toString(), "answers", pain(3)))
                .post("/api/me/assessments/" + nprs + "/responses").then().statusCode(400)
                .body("violations.field", contains("Idempotency-Key"));
        String psfs = assign(ivo, "PSFS", 4);
        answer(ivo, psfs, UUID.randomUUID().toString(), ivo.today(), List.of(Map.of("item", "activity-1",
                "value", 5))).then().statusCode(400).body("violations.field", contains("answers.activity-1.activity"));
        as(ivo.token()).get(DUE).then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void otherClinicsAndOtherPatientsAreKeptOut() {
        EnrolledPatient ola = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ola", "Europe/Zurich");
        EnrolledPatient ben = Fixtures.enrol(NORTH_CHIRO, NORTH, "Ben", "Europe/Zurich");
        String nprs = assign(ola, "NPRS", 1);
        as(SOUTH_CHIRO).get(assessments(ola)).then().statusCode(404).contentType(PROBLEM_JSON);
        as(SOUTH_CHIRO).body(Map.of("instrument", "NPRS")).post(assessments(ola)).then().statusCode(404);
        as(SOUTH_CHIRO).get("/api/patients/" + ola.id() + "/outcomes").then().statusCode(404);
        as(SOUTH_CHIRO).delete(assessments(ola) + "/" + nprs).then().statusCode(404);
        as(NORTH_ADMIN).get(assessments(ola)).then().statusCode(403);
        as(ola.token()).get(assessments(ola)).then().statusCode(403);
        answer(ben, nprs, UUID.randomUUID().toString(), ben.today(), pain(4)).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(ben.token()).get(DUE).then().statusCode(200).body("$", empty());
        // stopped: nothing due any more, and today's occasion, withdrawn on its own day, is not missed
        as(NORTH_CHIRO).delete(assessments(ben) + "/" + nprs).then().statusCode(404);
        as(NORTH_CHIRO).delete(assessments(ola) + "/" + nprs).then().statusCode(204);
        as(ola.token()).get(DUE).then().statusCode(200).body("$", empty());
        as(NORTH_CHIRO).get(assessments(ola)).then().statusCode(200).body("[0].active", is(false))
                .body("[0].stoppedOn", is(ola.today().toString())).body("[0].missed", empty());
    }

    @Test
    void acrossWeeksUnansweredOccasionsAreMissedAndTheChangeIsJudgedByTheMcid() throws SQLException, IOException {
        EnrolledPatient wes = Fixtures.enrol(NORTH_CHIRO, NORTH, "=Wes", "Europe/Zurich");
        String nprs = assign(wes, "NPRS", 1);
        LocalDate today = wes.today();
        // the assignment began two weeks ago; its first occasion was answered with 8, the second was missed
        backdate(nprs, today.minusWeeks(2));
        answeredEarlier(nprs, wes, today.minusWeeks(2), 8);
        as(NORTH_CHIRO).get(assessments(wes)).then().statusCode(200)
                .body("[0].missed", contains(today.minusWeeks(1).toString()))
                .body("[0].dueNow", is(today.toString()));
        answer(wes, nprs, UUID.randomUUID().toString(), today, pain(5)).then().statusCode(201);

        as(NORTH_CHIRO).get("/api/patients/" + wes.id() + "/outcomes").then().statusCode(200)
                .body("[0].baseline", is(8.0f)).body("[0].latest", is(5.0f)).body("[0].change", is(-3.0f))
                .body("[0].verdict", is("BETTER"))
                .body("[0].verdictWords",
                        is("Better by at least the minimal clinically important difference (2 points)."))
                .body("[0].missed", contains(today.minusWeeks(1).toString()))
                .body("[0].late", is(0));

        String pdf = pdfText(as(NORTH_CHIRO).get("/api/reports/patients/" + wes.id() + ".pdf").then().statusCode(200)
                .extract().asByteArray());
        assertThat(pdf).contains("Numeric Pain Rating Scale (0–10) (NPRS)", "Baseline 8, latest 5, change -3.",
                "Better by at least the minimal clinically important difference (2 points).",
                "Missed: " + today.minusWeeks(1) + ".");

        LocalDate from = today.minusWeeks(3);
        Response csv = as(NORTH_ADMIN).get("/api/reports/outcomes.csv?from=" + from + "&to=" + today);
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("outcomes-north-"));
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(OutcomeRows.HEADER);
        assertThat(lines).contains(
                wes.id() + ",'=Wes Tester,NPRS," + today.minusWeeks(2) + "," + today.minusWeeks(2)
                        + ",false,8.00,8.00,0.00,2,BASELINE",
                wes.id() + ",'=Wes Tester,NPRS," + today + "," + today + ",false,5.00,8.00,-3.00,2,BETTER");
        as(SOUTH_CHIRO).get("/api/reports/outcomes.csv?from=" + from + "&to=" + today).then().statusCode(200)
                .body(not(containsString(wes.id())));
        as(NORTH_ADMIN).get("/api/reports/outcomes.csv?from=" + today + "&to=" + from).then().statusCode(400);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private void backdate(String assignment, LocalDate start) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE assessment_assignment SET start_date = ? WHERE id = ?")) {
            s.setObject(1, start);
            s.setObject(2, UUID.fromString(assignment));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private void answeredEarlier(String assignment, EnrolledPatient p, LocalDate due, int pain) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO assessment_response (id, assignment_id, patient_id, clinic_id, instrument, due_date,
                    answered_at, answered_on, answers, score, idempotency_key, request_hash)
                VALUES (gen_random_uuid(), ?, ?, ?, 'NPRS', ?, now() - interval '14 days', ?, ?::jsonb, ?,
                        gen_random_uuid()::text, 'test')""")) {
            s.setObject(1, UUID.fromString(assignment));
            s.setObject(2, UUID.fromString(p.id()));
            s.setString(3, NORTH);
            s.setObject(4, due);
            s.setObject(5, due);
            s.setString(6, "[{\"item\":\"pain\",\"value\":" + pain + ",\"activity\":null}]");
            s.setInt(7, pain);
            s.executeUpdate();
        }
    }
}
