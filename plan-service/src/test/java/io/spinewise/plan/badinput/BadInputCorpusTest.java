package io.spinewise.plan.badinput;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.CatalogServiceResource;
import io.spinewise.plan.FakeIdentityDirectory;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.badinput.BadInputCorpus;
import io.spinewise.testsupport.badinput.BadInputGenerator;
import io.spinewise.testsupport.badinput.DatabaseSnapshot;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input corpus of plan-service ({@code src/test/resources/bad-input/}): every case,
 * generated from the OpenAPI document or written by hand, gets a 4xx problem naming what was
 * wrong, none a 5xx, and the database is as it was before the corpus was sent, but for the audit
 * log, which records each refused call (and only refused calls).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {

    private static final String CLINIC = "north";
    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");
    private static final String AUDIT = "audit_event";

    @Inject
    DataSource database;

    @Test
    @Order(1) // first, so that a refresh (-Dspinewise.badinput.refresh) is what the corpus test then sends
    void theGeneratedCasesAreTheOnesTheOpenApiDocumentGives() {
        BadInputGenerator.assertCommitted("plan-service");
    }

    @Test
    @Order(2)
    void everyBadRequestIsRefusedWithAProblemNamingItAndChangesNothing() {
        String chiropractor = TestIssuer.token(Roles.CHIROPRACTOR, CLINIC);
        LocalDate today = LocalDate.now(ZONE);
        String email = "bad-input-" + UUID.randomUUID() + "@patients.example";
        String patient = as(chiropractor).body(Map.of("firstName", "Bad", "lastName", "Input", "email", email,
                "timeZone", ZONE.getId())).post("/api/patients").then().statusCode(201).extract().path("patient.id");
        String patientToken = TestIssuer.token(FakeIdentityDirectory.subjectOf(email), Roles.PATIENT, CLINIC);
        String plan = as(chiropractor).body(Map.of("routine", "mid-back-relief",
                        "schedule", Map.of("startDate", today.toString(), "sessionsPerDay", 2)))
                .post("/api/patients/" + patient + "/plans").then().statusCode(201).extract().path("id");
        String session = as(patientToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", plan, "date", today.toString(), "slot", 1,
                        "items", List.of(Map.of("exercise", "cat-cow", "done", true, "reps", 24))))
                .post("/api/me/sessions").then().statusCode(201).extract().path("id");
        String calendarToken = as(patientToken).body("{}").put("/api/me/calendar-feed").then().statusCode(200)
                .extract().path("token");
        String assessment = as(chiropractor).body(Map.of("instrument", "NPRS"))
                .post("/api/patients/" + patient + "/assessments").then().statusCode(201).extract().path("id");
        String rtmTime = as(chiropractor).body(Map.of("minutes", 5, "date", today.toString(), "interactive", false))
                .post("/api/patients/" + patient + "/rtm/time").then().statusCode(201).extract().path("id");
        Map<String, String> tokens = Map.of(
                "chiropractor", chiropractor,
                "admin", TestIssuer.token(Roles.CLINIC_ADMIN, CLINIC),
                "patient", patientToken);
        Map<String, String> fixtures = Map.ofEntries(
                Map.entry("patient", patient),
                Map.entry("plan", plan),
                Map.entry("session", session),
                Map.entry("calendarToken", calendarToken),
                Map.entry("assessment", assessment),
                Map.entry("instrument", "PSFS"),
                Map.entry("licensedInstrument", "NDI"),
                Map.entry("rtmTime", rtmTime),
                Map.entry("month", YearMonth.from(today).toString()),
                // no reminder mail was sent here: every unsubscribe case is a 404 anyway
                Map.entry("unsubscribeToken", "A".repeat(43)),
                Map.entry("fhirType", "Patient"),
                Map.entry("today", today.toString()),
                Map.entry("monthAgo", today.minusMonths(1).toString()),
                Map.entry("nextMonth", today.plusMonths(1).toString()),
                Map.entry("tomorrow", today.plusDays(1).toString()),
                Map.entry("yearAgo", today.minusYears(1).toString()));

        BadInputCorpus corpus = BadInputCorpus.load("generated.json", "hand-written.json");
        DatabaseSnapshot before = DatabaseSnapshot.of(database, Set.of(AUDIT));
        BadInputCorpus.Outcome outcome = corpus.send("localhost", RestAssured.port, tokens, fixtures);
        DatabaseSnapshot after = settled(before);
        System.out.println("plan-service bad-input corpus: " + outcome.summary());

        List<String> wrong = new ArrayList<>(outcome.failures());
        after.differencesFrom(before).forEach(d -> wrong.add("database changed: " + d));
        String notRefused = "SELECT count(*) FROM audit_event WHERE id > " + before.lastIds().get(AUDIT)
                + " AND (status < 400 OR status >= 500)";
        assertThat(wrong).as("%d of %d cases answered wrongly or changed the database", wrong.size(), outcome.results().size())
                .isEmpty();
        assertThat(DatabaseSnapshot.count(database, notRefused)).as("audit records of calls that were not refused").isZero();
        assertThat(outcome.results()).hasSizeGreaterThanOrEqualTo(300);
    }

    /** The database once the audit records of refused calls (written after the answer, on a worker) are all in. */
    private DatabaseSnapshot settled(DatabaseSnapshot before) {
        DatabaseSnapshot now = before.now(database);
        for (int i = 0; i < 50; i++) {
            sleep();
            DatabaseSnapshot again = before.now(database);
            if (again.lastIds().equals(now.lastIds())) {
                return again;
            }
            now = again;
        }
        return now;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
