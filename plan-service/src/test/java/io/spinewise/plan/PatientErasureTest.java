package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static java.nio.charset.StandardCharsets.UTF_8;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.prescribe;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * A clinic administrator's erasure of a patient (docs/data-protection.md): identity and free text gone, the clinic's
 * figures the same, the patient's tokens refused, the audit chain intact, and a Keycloak outage leaving a marked
 * patient that a second erasure finishes.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS) // to prescribe
class PatientErasureTest {

    @Inject
    AgroalDataSource dataSource;

    private record Clinic(String id, String chiro, String admin) {

        static Clinic fresh() {
            String id = "er-" + UUID.randomUUID().toString().substring(0, 8);
            return new Clinic(id, TestIssuer.token(Roles.CHIROPRACTOR, id), TestIssuer.token(Roles.CLINIC_ADMIN, id));
        }
    }

    @Test
    void anErasedPatientKeepsTheClinicsFiguresButNothingThatNamesThem() throws SQLException {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient erin = withHistory(clinic, "Erinerased");
        EnrolledPatient kept = withHistory(clinic, "Keptpatient");
        String psfs = as(clinic.chiro()).body(Map.of("instrument", "PSFS", "everyWeeks", 2))
                .post("/api/patients/" + erin.id() + "/assessments").then().statusCode(201).extract().path("id");
        as(erin.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", erin.today().toString(), "answers",
                        List.of(Map.of("item", "activity-1", "activity", "Lifting my son Erinerased", "value", 3))))
                .post("/api/me/assessments/" + psfs + "/responses").then().statusCode(201);
        as(clinic.chiro()).body(Map.of("date", erin.today().toString(), "minutes", 12, "interactive", true,
                "note", "call with Erinerased")).post("/api/patients/" + erin.id() + "/rtm/time").then().statusCode(201);
        as(erin.token()).body(Map.of("channels", List.of("EMAIL"), "remindAt", "19:30")).put("/api/me/reminders")
                .then().statusCode(200);
        as(erin.token()).body(Map.of()).put("/api/me/calendar-feed").then().statusCode(200);
        String csvBefore = figures(clinic, erin);
        String scoreBefore = scores(erin.id());

        as(clinic.admin()).post("/api/patients/" + erin.id() + "/erasure").then().statusCode(200)
                .body("name", equalTo("Erased patient")).body("email", nullValue()).body("username", nullValue())
                .body("erasedAt", notNullValue()).body("erasureRequestedAt", notNullValue());

        assertThat(figures(clinic, erin)).as("the clinic's adherence, day by day").isEqualTo(csvBefore);
        assertThat(scores(erin.id())).as("questionnaire scores").isEqualTo(scoreBefore);
        as(erin.token()).get("/api/me").then().statusCode(403).contentType(PROBLEM_JSON)
                .body("detail", containsString("erased"));
        as(kept.token()).get("/api/me").then().statusCode(200);
        as(clinic.admin()).get("/api/patients?q=Erased").then().statusCode(200)
                .body("items.id", hasItem(erin.id()));
        assertThat(text("SELECT concat_ws('|', subject, username, first_name, last_name, email, language) FROM patient"
                + " WHERE id = ?", erin.id())).doesNotContain(erin.subject()).isEqualTo(
                        sha256(erin.subject()) + "|Erased|patient");
        assertThat(text("""
                SELECT concat_ws('|', (SELECT string_agg(coalesce(note, ''), '') FROM session_checkoff WHERE patient_id = p.id),
                    (SELECT string_agg(answers::text, '') FROM assessment_response WHERE patient_id = p.id),
                    (SELECT string_agg(coalesce(note, ''), '') FROM rtm_time_entry WHERE patient_id = p.id),
                    (SELECT count(*) FROM reminder_preference WHERE patient_id = p.id),
                    (SELECT count(*) FROM calendar_feed WHERE patient_id = p.id AND token_hash IS NOT NULL))
                FROM patient p WHERE p.id = ?""", erin.id()))
                .doesNotContain("Erinerased", "felt good", "Lifting").contains("(erased)").endsWith("|0|0");
        assertThat(text("SELECT string_agg(coalesce(note, ''), '') FROM session_checkoff WHERE patient_id = ?",
                kept.id())).as("another patient's notes").contains("felt good");
    }

    @Test
    void anErasedPatientsRecordTakesNoNewEntries() {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient ada = withHistory(clinic, "Adaclosed");
        as(clinic.admin()).post("/api/patients/" + ada.id() + "/erasure").then().statusCode(200);

        String patient = "/api/patients/" + ada.id();
        Map<String, Map<String, Object>> writes = Map.of(
                patient + "/plans", fromRoutine("mid-back-relief", schedule(ada.today(), 1)),
                patient + "/assessments", Map.of("instrument", "NPRS", "everyWeeks", 2),
                patient + "/rtm/time", Map.of("date", ada.today().toString(), "minutes", 5, "interactive", false));
        writes.forEach((path, body) -> as(clinic.chiro()).body(body).post(path).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("erased")));
        as(clinic.chiro()).body(Map.of("timeZone", "Europe/Oslo")).patch(patient).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        as(clinic.chiro()).get(patient).then().statusCode(200).body("name", equalTo("Erased patient"));
    }

    @Test
    void theErasureIsAuditedWithoutTheNameAndTheChainStillVerifies() throws SQLException {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient ivo = withHistory(clinic, "Ivoaudited");

        as(clinic.admin()).post("/api/patients/" + ivo.id() + "/erasure").then().statusCode(200);

        assertThat(text("SELECT string_agg(target, ',' ORDER BY id) FROM audit_event WHERE patient_id = ?"
                + " AND action = 'patient.erase'", ivo.id())).isEqualTo("erasure requested,patient erased");
        assertThat(text("SELECT count(*) FROM audit_event WHERE clinic_id = ? AND (target LIKE '%Ivoaudited%'"
                + " OR (actor_role = 'clinic-admin' AND actor_name LIKE '%Ivoaudited%'))", clinic.id())).isEqualTo("0");
        as(clinic.admin()).get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
        as(clinic.admin()).get("/api/audit?patient=" + ivo.id()).then().statusCode(200)
                .body(containsString("Erased patient")).body(not(containsString("Ivoaudited")));
    }

    @Test
    void whenKeycloakIsDownThePatientStaysMarkedAndASecondErasureFinishes() throws SQLException {
        Clinic clinic = Clinic.fresh();
        EnrolledPatient kay = withHistory(clinic, "Kaypending");
        FakeIdentityDirectory.failErasureOf(kay.subject(), true);
        try {
            as(clinic.admin()).post("/api/patients/" + kay.id() + "/erasure").then().statusCode(503)
                    .contentType(PROBLEM_JSON).body("detail", containsString("erase again"));
        } finally {
            FakeIdentityDirectory.failErasureOf(kay.subject(), false);
        }
        assertThat(text("SELECT concat_ws('|', first_name, erasure_requested_at IS NOT NULL, erased_at IS NULL,"
                + " (SELECT string_agg(status, ',') FROM plan WHERE patient_id = p.id)) FROM patient p WHERE id = ?",
                kay.id())).isEqualTo("Kaypending|t|t|COMPLETED");
        as(kay.token()).get("/api/me/today").then().statusCode(403);
        assertThat(FakeIdentityDirectory.erased()).doesNotContain(kay.subject());

        String erasedAt = as(clinic.admin()).post("/api/patients/" + kay.id() + "/erasure").then().statusCode(200)
                .body("name", equalTo("Erased patient")).extract().path("erasedAt");
        as(clinic.admin()).post("/api/patients/" + kay.id() + "/erasure").then().statusCode(200)
                .body("erasedAt", equalTo(erasedAt));

        assertThat(FakeIdentityDirectory.erased()).containsOnlyOnce(kay.subject());
        assertThat(text("SELECT count(*) FROM audit_event WHERE patient_id = ? AND action = 'patient.erase'"
                + " AND target = 'erasure requested'", kay.id())).as("marked once").isEqualTo("1");
    }

    @Test
    void onlyTheClinicsAdministratorErases() {
        Clinic clinic = Clinic.fresh();
        Clinic other = Clinic.fresh();
        EnrolledPatient lea = enrol(clinic.chiro(), clinic.id(), "Lea", "Europe/Berlin");

        as(clinic.chiro()).post("/api/patients/" + lea.id() + "/erasure").then().statusCode(403);
        as(lea.token()).post("/api/patients/" + lea.id() + "/erasure").then().statusCode(403);
        as(other.admin()).post("/api/patients/" + lea.id() + "/erasure").then().statusCode(404);
        as(lea.token()).get("/api/me").then().statusCode(200);
    }

    /** A patient with a daily plan from a week ago and three check-offs with notes. */
    private static EnrolledPatient withHistory(Clinic clinic, String name) {
        EnrolledPatient patient = enrol(clinic.chiro(), clinic.id(), name, "Europe/Berlin");
        String plan = prescribe(clinic.chiro(), patient.id(),
                fromRoutine("mid-back-relief", schedule(patient.today().minusDays(7), 1)));
        for (int daysAgo = 1; daysAgo <= 3; daysAgo++) {
            as(patient.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(checkOff(plan, patient.today().minusDays(daysAgo), 1)).post("/api/me/sessions")
                    .then().statusCode(201);
        }
        return patient;
    }

    /** The clinic's adherence CSV up to yesterday without the name column. */
    private static String figures(Clinic clinic, EnrolledPatient anyone) {
        LocalDate to = anyone.today().minusDays(1);
        List<String> rows = new ArrayList<>();
        for (String line : as(clinic.admin()).get("/api/reports/adherence.csv?from=" + to.minusDays(7) + "&to=" + to)
                .then().statusCode(200).extract().asString().lines().toList()) {
            String[] cells = line.split(",");
            rows.add(cells[0] + "," + String.join(",", List.of(cells).subList(cells.length - 3, cells.length)));
        }
        assertThat(rows).hasSizeGreaterThan(10);
        return String.join("\n", rows);
    }

    private String scores(String patientId) throws SQLException {
        return text("SELECT string_agg(instrument || ':' || score, ',') FROM assessment_response WHERE patient_id = ?",
                patientId);
    }

    /** The first column of the first row, the one parameter a patient's id (as a uuid) or a clinic's id. */
    private String text(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, sql.contains("clinic_id = ?") ? parameter : UUID.fromString(parameter));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
