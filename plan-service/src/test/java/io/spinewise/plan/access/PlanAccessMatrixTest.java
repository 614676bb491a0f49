package io.spinewise.plan.access;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.CatalogServiceResource;
import io.spinewise.plan.FakeIdentityDirectory;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import io.spinewise.testsupport.access.AccessMatrix;
import io.spinewise.testsupport.access.Identity;
import io.spinewise.testsupport.access.Placeholders;
import io.spinewise.testsupport.access.RoleTable;
import io.spinewise.testsupport.access.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of plan-service's OpenAPI document × every kind of caller → the status in
 * {@code access/plan-service-matrix.csv}, with real ids (the owner's patient record and plan);
 * then every write with fields it does not declare (mass assignment). Both print their table.
 */
@QuarkusTest
@TestProfile(PlanAccessMatrixTest.ManyPlans.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PlanAccessMatrixTest {

    /**
     * Every allowed write cell gets a plan of its own for the owner (so that no cell changes what a later
     * one reads), far more than the cap of open plans per patient, which {@code LimitsTest} tests.
     */
    public static class ManyPlans implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.plan.limits.open-plans-per-patient", "1000");
        }
    }

    private static final String NORTH = "north";
    private static final String SOUTH = "south";
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Enrols and prescribes the fixtures: not the chiropractor column's caller, so its requests count apart. */
    private static final String PRESCRIBER_SUBJECT = UUID.randomUUID().toString();
    private static final String PRESCRIBER = TestIssuer.token(PRESCRIBER_SUBJECT, Roles.CHIROPRACTOR, NORTH);
    private static final String SOUTH_CHIRO = TestIssuer.token(Roles.CHIROPRACTOR, SOUTH);

    private static final AccessMatrix MATRIX = AccessMatrix.load("plan-service");

    /** The owner, another patient of the clinic, and a patient of the other clinic: id and token. */
    private record Patient(String id, String token) {
    }

    private static Patient owner;
    private static Patient otherPatient;
    private static String ownersPlan;
    /** A patient on the attention list: a plan since 6 days ago, no session (INACTIVE). */
    private static String idlePatient;
    private static Map<Identity, String> tokens;

    /** Once per class (REST Assured learns the random port only before each test, so not in @BeforeAll). */
    @BeforeEach
    void northHasTwoPatientsOneWithAPlanAndSouthOne() {
        if (owner != null) {
            return;
        }
        owner = enrol(PRESCRIBER, NORTH, "Paulus");
        otherPatient = enrol(PRESCRIBER, NORTH, "Petronella");
        enrol(SOUTH_CHIRO, SOUTH, "Samuel");
        idlePatient = enrol(PRESCRIBER, NORTH, "Ludwig").id();
        given().auth().oauth2(PRESCRIBER).contentType("application/json")
                .body(Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate",
                        LocalDate.now(ZONE).minusDays(6).toString(), "sessionsPerDay", 1)))
                .post("/api/patients/" + idlePatient + "/plans").then().statusCode(201);
        ownersPlan = prescribe();
        given().auth().oauth2(owner.token()).contentType("application/json").header("Idempotency-Key", UUID.randomUUID())
                .body(checkOff(ownersPlan)).post("/api/me/sessions").then().statusCode(201);
        tokens = new EnumMap<>(Identity.class);
        tokens.put(Identity.OWNER, owner.token());
        tokens.put(Identity.OTHER_PATIENT, otherPatient.token());
        tokens.put(Identity.CHIROPRACTOR, TestIssuer.token(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.CLINIC_ADMIN, TestIssuer.token(Roles.CLINIC_ADMIN, NORTH));
        tokens.put(Identity.OTHER_CHIROPRACTOR, SOUTH_CHIRO);
        tokens.put(Identity.OTHER_ADMIN, TestIssuer.token(Roles.CLINIC_ADMIN, SOUTH));
        tokens.put(Identity.OTHER_AUDIENCE, TestIssuer.tokenForAudience("account", Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.EXPIRED, TestIssuer.expiredToken(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.FOREIGN_KEY, TestIssuer.tokenSignedByAnotherKey(Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.OTHER_ISSUER, TestIssuer.tokenFromIssuer("https://issuer.test.spinewise/realms/other",
                Roles.CHIROPRACTOR, NORTH));
        tokens.put(Identity.UNSIGNED, TestIssuer.unsignedToken(Roles.CHIROPRACTOR, NORTH));
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() {
        List<String> northsSecrets = List.of(owner.id(), ownersPlan, "Paulus", "Petronella", PRESCRIBER_SUBJECT);
        AccessMatrix.Result result = MATRIX.run(tokens, placeholders(), Transport.restAssured(), Map.of(
                Identity.OTHER_PATIENT, List.of(owner.id(), ownersPlan, "Paulus"),
                Identity.OTHER_CHIROPRACTOR, northsSecrets,
                Identity.OTHER_ADMIN, northsSecrets));
        System.out.println("plan-service access matrix (status per caller; expected≠got where they differ):\n"
                + result.table());
        assertThat(MATRIX.inconsistencies()).as("the matrix data and the OpenAPI document").isEmpty();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void theMatrixGrantsWhatTheRoleTableOfTheArchitectureSays() {
        assertThat(MATRIX.disagreementsWith(RoleTable.read())).isEmpty();
    }

    @Test
    void writesNeverObeyFieldsTheyDoNotDeclare() {
        AccessMatrix.Result result = MATRIX.massAssignment(tokens, placeholders(), Transport.restAssured());
        System.out.println("plan-service mass assignment:\n" + result.massAssignmentLines());
        assertThat(result.massAssignmentLines()).isNotEmpty();
        assertThat(result.failures()).isEmpty();
    }

    private static Placeholders placeholders() {
        return new Placeholders()
                .with("patient", owner.id())
                .with("plan", ownersPlan)
                .with("idlePatient", idlePatient)
                .with("today", () -> LocalDate.now(ZONE).toString())
                .with("weekAgo", () -> LocalDate.now(ZONE).minusDays(7).toString())
                .with("month", () -> YearMonth.now(ZONE).toString())
                .with("uuid", () -> UUID.randomUUID().toString())
                .with("unique", () -> UUID.randomUUID().toString().substring(0, 8))
                .with("freshPlan", PlanAccessMatrixTest::prescribe)
                // a link of its own for every request: another cell may give the owner's feed a new one
                .with("calendarFeedToken", () -> given().auth().oauth2(owner.token()).contentType("application/json")
                        .body("{}").put("/api/me/calendar-feed").then().statusCode(200).extract().path("token"))
                .with("freshPatient", () -> enrol(PRESCRIBER, NORTH, "Frida").id())
                .with("freshAssessment", PlanAccessMatrixTest::assignAfresh)
                .with("enteredText", PlanAccessMatrixTest::enterNdi)
                // logged by the chiropractor column's caller: only the clinician who logged an entry may delete it
                .with("freshRtmTime", () -> given().auth().oauth2(tokens.get(Identity.CHIROPRACTOR))
                        .contentType("application/json").body(Map.of("minutes", 5, "date", LocalDate.now(ZONE).toString(),
                                "interactive", false))
                        .post("/api/patients/" + owner.id() + "/rtm/time").then().statusCode(201).extract().path("id"))
                .with("freshCheckOff", () -> given().auth().oauth2(owner.token()).contentType("application/json")
                        .header("Idempotency-Key", UUID.randomUUID()).body(checkOff(prescribe()))
                        .post("/api/me/sessions").then().statusCode(201).extract().path("id"));
    }

    private static Patient enrol(String staffToken, String clinic, String firstName) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.example";
        String id = given().auth().oauth2(staffToken).contentType("application/json")
                .body(Map.of("firstName", firstName, "lastName", "Tester", "email", email, "timeZone", ZONE.getId()))
                .post("/api/patients").then().statusCode(201).extract().path("patient.id");
        return new Patient(id, TestIssuer.token(FakeIdentityDirectory.subjectOf(email), Roles.PATIENT, clinic));
    }

    /** A new daily plan for the owner, prescribed by the clinic's chiropractor; its id. */
    private static String prescribe() {
        return given().auth().oauth2(PRESCRIBER).contentType("application/json")
                .body(Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", LocalDate.now(ZONE).toString(),
                        "sessionsPerDay", 1, "daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                                "SATURDAY", "SUNDAY"))))
                .post("/api/patients/" + owner.id() + "/plans").then().statusCode(201).extract().path("id");
    }

    /** Stops the owner's running NPRS, if any, and assigns it again from today: a questionnaire due now; its id. */
    private static String assignAfresh() {
        List<Map<String, Object>> running = given().auth().oauth2(PRESCRIBER)
                .get("/api/patients/" + owner.id() + "/assessments").then().statusCode(200).extract()
                .path("findAll { it.active && it.instrument == 'NPRS' }");
        running.forEach(a -> given().auth().oauth2(PRESCRIBER)
                .delete("/api/patients/" + owner.id() + "/assessments/" + a.get("id")).then().statusCode(204));
        return given().auth().oauth2(PRESCRIBER).contentType("application/json").body(Map.of("instrument", "NPRS"))
                .post("/api/patients/" + owner.id() + "/assessments").then().statusCode(201).extract().path("id");
    }

    /** Enters (again) a made-up NDI text for the owner's clinic, so it has one in use; the instrument's code. */
    private static String enterNdi() {
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 10).mapToObj(n -> Map.<String, Object>of("text",
                "Clinic item " + n, "options", List.of("0", "1", "2", "3", "4", "5"))).toList();
        given().auth().oauth2(tokens.get(Identity.CLINIC_ADMIN)).contentType("application/json")
                .body(Map.of("title", "Clinic neck questionnaire", "items", items, "licenceHolder", "Access Clinic",
                        "licenceReference", "LIC-1"))
                .put("/api/clinic/instruments/NDI/text").then().statusCode(200);
        return "NDI";
    }

    private static Map<String, Object> checkOff(String planId) {
        return Map.of("planId", planId, "date", LocalDate.now(ZONE).toString(), "slot", 1,
                "items", List.of(Map.of("exercise", "cat-cow", "done", true, "reps", 24)), "painBefore", 4, "painAfter", 2);
    }
}
