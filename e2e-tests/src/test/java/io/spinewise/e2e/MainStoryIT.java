package io.spinewise.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The platform's main story, end to end, through the real Keycloak and the real services: a
 * chiropractor enrols a patient and prescribes "Mid-back relief"; the patient logs in with the
 * handed-over one-time password, sees today's routine and checks off a session (a retry does not
 * double it); the chiropractor's dashboard and the patient's adherence show it; the clinic
 * administrator finds it in the CSV report and every access in the audit log. That the data
 * survives a restart is checked on the whole platform by {@link LauncherIT}.
 *
 * <p>The steps build on one another (one story), hence the fixed order; the security checks in
 * {@link TenantIsolationIT} stand alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MainStoryIT {

    private static final String TIME_ZONE = "Europe/Zurich";
    private static final String NEW_PASSWORD = "Thoracic-spine-2026";

    private static String patientId;
    private static String patientUsername;
    private static String oneTimePassword;
    private static String planId;
    private static String patientToken;
    private static Response firstCheckOff;

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String staff(String username) {
        return RunningPlatform.token(username);
    }

    @Test
    @Order(1)
    void chiropractorEnrolsAPatientAndGetsAOneTimeLogin() {
        String email = "quinn." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(staff("dr.ada"))
                .body(Map.of("firstName", "Quinn", "lastName", "Keller", "email", email, "timeZone", TIME_ZONE))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201).body("patient.timeZone", equalTo(TIME_ZONE));
        patientId = enrolled.path("patient.id");
        patientUsername = enrolled.path("login.username");
        oneTimePassword = enrolled.path("login.temporaryPassword");
        assertThat(patientUsername).isNotBlank();
        assertThat(oneTimePassword).isNotBlank();
    }

    @Test
    @Order(2)
    void chiropractorPrescribesMidBackRelief() {
        LocalDate today = LocalDate.now(ZoneId.of(TIME_ZONE));
        Response plan = as(staff("dr.ada"))
                .body(Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", today.minusDays(3).toString())))
                .post(PLAN + "/api/patients/" + patientId + "/plans");
        plan.then().statusCode(201)
                .body("routine.slug", equalTo("mid-back-relief"))
                .body("items.exercise", contains("wall-ball-release", "thoracic-wall-extension", "cat-cow", "spinal-wedge"));
        planId = plan.path("id");
    }

    @Test
    @Order(3)
    void theNewPatientLogsInWithTheHandedOverPasswordAndChoosesTheirOwn() {
        patientToken = RunningPlatform.logins().firstLogin(patientUsername, oneTimePassword, NEW_PASSWORD,
                "web-ui", "web-ui-dev-secret", RunningPlatform.WEB + "/callback");
        as(patientToken).get(PLAN + "/api/me").then().statusCode(200).body("id", equalTo(patientId));
        // from now on the chosen password is the patient's
        assertThat(RunningPlatform.logins().accessToken(patientUsername, NEW_PASSWORD)).isNotBlank();
    }

    @Test
    @Order(4)
    void thePatientSeesTodaysRoutine() {
        as(patientToken).get(PLAN + "/api/me/today").then().statusCode(200)
                .body("plans[0].planId", equalTo(planId))
                .body("plans[0].scheduledToday", equalTo(true))
                .body("plans[0].items.exercise", contains("wall-ball-release", "thoracic-wall-extension", "cat-cow", "spinal-wedge"));
        // the exercise details come from the catalog with the same token
        as(patientToken).get(CATALOG + "/api/exercises/cat-cow").then().statusCode(200).body("dosage.reps.min", equalTo(24));
    }

    @Test
    @Order(5)
    void thePatientChecksOffASessionAndARetryDoesNotDoubleIt() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> session = Map.of(
                "planId", planId,
                "date", LocalDate.now(ZoneId.of(TIME_ZONE)).toString(),
                "slot", 1,
                "items", List.of(
                        Map.of("exercise", "wall-ball-release", "done", true),
                        Map.of("exercise", "thoracic-wall-extension", "done", true, "seconds", 45),
                        Map.of("exercise", "cat-cow", "done", true, "reps", 30),
                        Map.of("exercise", "spinal-wedge", "done", true, "seconds", 60)),
                "painBefore", 6, "painAfter", 3, "difficulty", 2, "note", "Felt looser afterwards");
        firstCheckOff = as(patientToken).header("Idempotency-Key", key).body(session).post(PLAN + "/api/me/sessions");
        firstCheckOff.then().statusCode(201);

        Response replay = as(patientToken).header("Idempotency-Key", key).body(session).post(PLAN + "/api/me/sessions");
        assertThat(replay.path("id").toString()).isEqualTo(firstCheckOff.path("id").toString());
        assertThat(replay.statusCode()).isIn(200, 201);

        as(patientToken).get(PLAN + "/api/me/adherence").then().statusCode(200)
                .body("lastSession", equalTo(LocalDate.now(ZoneId.of(TIME_ZONE)).toString()))
                .body("currentStreak", equalTo(1));
        List<Map<String, Object>> days = as(patientToken).get(PLAN + "/api/me/adherence?days=true").path("days");
        int completedToday = days.stream()
                .filter(d -> LocalDate.now(ZoneId.of(TIME_ZONE)).toString().equals(d.get("date")))
                .mapToInt(d -> (Integer) d.get("completed")).sum();
        assertThat(completedToday).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theChiropractorSeesItOnTheDashboardAndInTheAdherence() {
        String today = LocalDate.now(ZoneId.of(TIME_ZONE)).toString();
        as(staff("dr.ada")).get(PLAN + "/api/dashboard?size=100").then().statusCode(200)
                .body("items.find { it.patientId == '" + patientId + "' }.lastSession", equalTo(today))
                .body("items.find { it.patientId == '" + patientId + "' }.streak", equalTo(1));
        as(staff("dr.ada")).get(PLAN + "/api/patients/" + patientId + "/adherence").then().statusCode(200)
                .body("completed", equalTo(1))
                .body("lastSession", equalTo(today));
    }

    @Test
    @Order(7)
    void theAdministratorFindsTheSessionInTheCsvReport() {
        String today = LocalDate.now(ZoneId.of(TIME_ZONE)).toString();
        Response csv = given().auth().oauth2(staff("admin.nora"))
                .get(PLAN + "/api/reports/adherence.csv?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now().plusDays(1));
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        assertThat(csv.header("Content-Disposition")).contains("filename=");
        List<String> lines = csv.asString().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).contains("patient_id", "date", "scheduled", "completed");
        String row = lines.stream().filter(l -> l.contains(patientId) && l.contains(today)).findFirst().orElseThrow();
        List<String> cells = List.of(row.split(","));
        assertThat(cells.get(header.indexOf("scheduled"))).isEqualTo("1");
        assertThat(cells.get(header.indexOf("completed"))).isEqualTo("1");
    }

    @Test
    @Order(8)
    void theAuditLogShowsEachAccess() {
        as(staff("admin.nora")).get(PLAN + "/api/audit?patient=" + patientId + "&size=100").then().statusCode(200)
                .body("items.action", hasItem("patient.enrol"))
                .body("items.action", hasItem("plan.create"))
                .body("items.action", hasItem("checkoff.create"))
                .body("items.action", hasItem("adherence.read"))
                .body("items.find { it.action == 'patient.enrol' }.outcome", equalTo("SUCCESS"));
        // the CSV covers the whole clinic, so it is logged without a patient
        as(staff("admin.nora")).get(PLAN + "/api/audit?from=" + LocalDate.now(ZoneOffset.UTC) + "&size=100").then()
                .statusCode(200)
                .body("items.find { it.action == 'report.adherence.csv' }.actorRole", equalTo("clinic-admin"))
                .body("items.find { it.action == 'report.adherence.csv' }.outcome", equalTo("SUCCESS"));
    }
}
