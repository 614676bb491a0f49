package io.spinewise.plan;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromExercises;
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
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Enrolment, patients and plans over HTTP, with the role × clinic × ownership matrix. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PatientAndPlanTest {

    private static EnrolledPatient paul;
    private static EnrolledPatient petra;
    private static EnrolledPatient sam;
    private static String paulsPlan;

    /** Once per class (REST Assured learns the random port only before each test, so not in @BeforeAll). */
    @BeforeEach
    void northHasTwoPatientsAndSouthOne() {
        if (paul != null) {
            return;
        }
        paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        petra = enrol(NORTH_CHIRO, NORTH, "Petra", "America/New_York");
        sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "Australia/Sydney");
        paulsPlan = prescribe(NORTH_CHIRO, paul.id(), fromRoutine("mid-back-relief", schedule(paul.today(), 1)));
    }

    @Test
    void enrolmentCreatesAPatientLoginInTheCallersClinic() {
        String email = "nina-" + UUID.randomUUID() + "@patients.example";
        as(NORTH_CHIRO).body(Map.of("firstName", "Nina", "lastName", "Novak", "email", email, "timeZone", "Europe/Zurich"))
                .post("/api/patients").then().statusCode(201)
                .header("Location", containsString("/api/patients/"))
                .body("patient.name", equalTo("Nina Novak"))
                .body("patient.timeZone", equalTo("Europe/Zurich"))
                .body("login.username", equalTo(email))
                .body("login.temporaryPassword", notNullValue());
        assertThat(FakeIdentityDirectory.account(FakeIdentityDirectory.subjectOf(email)).clinicId()).isEqualTo(NORTH);
    }

    @Test
    void enrolmentRefusesBadInputAndExplainsDirectoryProblems() {
        as(NORTH_CHIRO).body(Map.of("firstName", "X", "lastName", "Y", "email", "not-an-email", "timeZone", "Mars/Olympus"))
                .post("/api/patients").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("timeZone"));
        as(NORTH_CHIRO).body(Map.of("firstName", "X", "lastName", "Y", "email", "x@y.example", "timeZone", "+02:00"))
                .post("/api/patients").then().statusCode(400).body("violations.field", hasItem("timeZone"));
        // characters the login directory would refuse are refused here, before any account exists
        as(NORTH_CHIRO).body(Map.of("firstName", "<script>", "lastName", "O'Brien", "email", "s@y.example", "timeZone", "UTC"))
                .post("/api/patients").then().statusCode(400).body("violations.field", hasItem("firstName"))
                .body("violations.field", not(hasItem("lastName")));
        String email = "twice-" + UUID.randomUUID() + "@patients.example";
        Map<String, Object> body = Map.of("firstName", "T", "lastName", "W", "email", email, "timeZone", "UTC");
        as(NORTH_CHIRO).body(body).post("/api/patients").then().statusCode(201);
        as(NORTH_CHIRO).body(body).post("/api/patients").then().statusCode(409).contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).body(Map.of("firstName", "D", "lastName", "D", "email", "d@directory-down.example", "timeZone", "UTC"))
                .post("/api/patients").then().statusCode(503).contentType(PROBLEM_JSON);
    }

    @Test
    void aLoginWhosePatientRecordCannotBeSavedIsTakenBack() {
        as(NORTH_CHIRO).body(Map.of("firstName", "Ada", "lastName", "First", "email", "first@subject-clash.example", "timeZone", "UTC"))
                .post("/api/patients").then().statusCode(201);
        as(NORTH_CHIRO).body(Map.of("firstName", "Bo", "lastName", "Second", "email", "second@subject-clash.example", "timeZone", "UTC"))
                .post("/api/patients").then().statusCode(500).contentType(PROBLEM_JSON);
        assertThat(FakeIdentityDirectory.deleted()).contains(FakeIdentityDirectory.CLASHING_SUBJECT);
        assertThat(FakeIdentityDirectory.subjectOf("second@subject-clash.example")).isNull();
    }

    @Test
    void staffSeeOnlyTheirOwnClinicsPatients() {
        as(NORTH_CHIRO).get("/api/patients?size=100").then().statusCode(200)
                .body("items.id", hasItem(paul.id()))
                .body("items.id", hasItem(petra.id()))
                .body("items.id", not(hasItem(sam.id())));
        as(NORTH_ADMIN).get("/api/patients?q=petra").then().statusCode(200).body("items.id", equalTo(List.of(petra.id())));
        as(NORTH_CHIRO).get("/api/patients/" + paul.id()).then().statusCode(200).body("firstName", equalTo("Paul"));
        as(NORTH_ADMIN).get("/api/patients/" + paul.id()).then().statusCode(403);
        as(SOUTH_CHIRO).get("/api/patients/" + paul.id()).then().statusCode(404).contentType(PROBLEM_JSON);
        as(SOUTH_CHIRO).get("/api/patients/" + paul.id() + "/plans").then().statusCode(404);
        as(SOUTH_CHIRO).get("/api/patients?size=100").then().body("items.id", not(hasItem(paul.id())));
        as(NORTH_CHIRO).get("/api/patients/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).get("/api/patients/not-a-uuid").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aPatientWhoMovesChangesTheirTimeZoneAndTodayFollows() {
        EnrolledPatient mia = enrol(NORTH_CHIRO, NORTH, "Mia", "Europe/Berlin");
        as(mia.token()).body(Map.of("timeZone", "Pacific/Kiritimati")).patch("/api/me").then().statusCode(200)
                .body("timeZone", equalTo("Pacific/Kiritimati"));
        as(mia.token()).get("/api/me/today").then().statusCode(200)
                .body("date", equalTo(java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati")).toString()));

        as(mia.token()).body(Map.of("timeZone", "Mars/Olympus")).patch("/api/me").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", endsWith("timeZone"));
        as(mia.token()).body(Map.of()).patch("/api/me").then().statusCode(400).contentType(PROBLEM_JSON);
        as(mia.token()).body(Map.of("timeZone", "UTC", "clinicId", "south")).patch("/api/me").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        as(mia.token()).get("/api/me").then().statusCode(200).body("timeZone", equalTo("Pacific/Kiritimati"));
    }

    @Test
    void aPatientChoosesTheLanguageOfTheirPagesAndKeepsTheirTimeZone() {
        EnrolledPatient lea = enrol(NORTH_CHIRO, NORTH, "Lea", "Europe/Berlin");
        as(lea.token()).get("/api/me").then().statusCode(200).body("language", nullValue());

        as(lea.token()).body(Map.of("language", "de")).patch("/api/me").then().statusCode(200)
                .body("language", equalTo("de")).body("timeZone", equalTo("Europe/Berlin"));
        as(lea.token()).body(Map.of("timeZone", "Europe/Paris")).patch("/api/me").then().statusCode(200)
                .body("language", equalTo("de")).body("timeZone", equalTo("Europe/Paris"));
        as(lea.token()).body(Map.of("timeZone", "Europe/Madrid", "language", "es")).patch("/api/me").then()
                .statusCode(200).body("language", equalTo("es")).body("timeZone", equalTo("Europe/Madrid"));
        as(lea.token()).get("/api/me").then().statusCode(200).body("language", equalTo("es"));
        as(NORTH_CHIRO).get("/api/patients/" + lea.id()).then().statusCode(200).body("language", equalTo("es"));
    }

    @Test
    void aLanguageThePagesAreNotWrittenInIsRefusedByName() {
        EnrolledPatient ines = enrol(NORTH_CHIRO, NORTH, "Ines", "Europe/Berlin");
        for (Object refused : List.of("it", "DE", "de-CH", "", "english", 7)) {
            as(ines.token()).body(Map.of("language", refused)).patch("/api/me").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations.field", hasItem(endsWith("language")));
        }
        as(ines.token()).body(Map.of()).patch("/api/me").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("language"));
        as(ines.token()).get("/api/me").then().statusCode(200).body("language", nullValue())
                .body("timeZone", equalTo("Europe/Berlin"));
    }

    @Test
    void staffCorrectAPatientsTimeZoneInTheirOwnClinicOnly() {
        EnrolledPatient noel = enrol(NORTH_CHIRO, NORTH, "Noel", "UTC");
        as(NORTH_CHIRO).body(Map.of("timeZone", "America/Toronto")).patch("/api/patients/" + noel.id()).then()
                .statusCode(200).body("timeZone", equalTo("America/Toronto"));
        // a patient's record is the chiropractor's to change (docs/architecture.md, "Roles")
        as(NORTH_ADMIN).body(Map.of("timeZone", "UTC")).patch("/api/patients/" + noel.id()).then().statusCode(403);
        as(NORTH_CHIRO).get("/api/patients/" + noel.id()).then().body("timeZone", equalTo("America/Toronto"));

        as(SOUTH_CHIRO).body(Map.of("timeZone", "UTC")).patch("/api/patients/" + noel.id()).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(noel.token()).body(Map.of("timeZone", "UTC")).patch("/api/patients/" + noel.id()).then().statusCode(403);
        anonymous().body(Map.of("timeZone", "UTC")).patch("/api/patients/" + noel.id()).then().statusCode(401);
        as(NORTH_CHIRO).body(Map.of("timeZone", "Nowhere/Special")).patch("/api/patients/" + noel.id()).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", endsWith("timeZone"));
        as(NORTH_CHIRO).get("/api/patients/" + noel.id()).then().body("timeZone", equalTo("America/Toronto"));
    }

    @Test
    void patientsCannotUseStaffEndpoints() {
        as(paul.token()).get("/api/patients").then().statusCode(403).contentType(PROBLEM_JSON);
        as(paul.token()).get("/api/patients/" + paul.id()).then().statusCode(403);
        as(paul.token()).get("/api/patients/" + paul.id() + "/plans").then().statusCode(403);
        as(paul.token()).body(fromRoutine("mid-back-relief", schedule(paul.today(), 1)))
                .post("/api/patients/" + paul.id() + "/plans").then().statusCode(403);
        as(paul.token()).body(Map.of("firstName", "Self", "lastName", "Made", "email", "s@m.example", "timeZone", "UTC"))
                .post("/api/patients").then().statusCode(403);
        as(paul.token()).body(Map.of("status", "PAUSED")).patch("/api/plans/" + paulsPlan).then().statusCode(403);
        as(NORTH_CHIRO).get("/api/me").then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void anonymousAndBrokenTokensGet401() {
        for (String path : List.of("/api/patients", "/api/patients/" + paul.id(), "/api/plans/" + paulsPlan, "/api/me",
                "/api/me/plans", "/api/patients/" + paul.id() + "/plans")) {
            anonymous().get(path).then().statusCode(401).contentType(PROBLEM_JSON);
        }
        as(TestIssuer.expiredToken(Roles.CHIROPRACTOR, NORTH)).get("/api/patients").then().statusCode(401);
        as(TestIssuer.tokenWithoutClinic(Roles.CHIROPRACTOR)).get("/api/patients").then().statusCode(403)
                .body("detail", containsString("clinic"));
    }

    @Test
    void aPatientLoggingInWithoutARecordIsProvisionedFromTheToken() {
        String subject = UUID.randomUUID().toString();
        String token = TestIssuer.token(subject, Roles.PATIENT, NORTH);
        String id = as(token).get("/api/me").then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("firstName", equalTo("user-" + subject.substring(0, 8)))
                .extract().path("id");
        as(token).get("/api/me").then().statusCode(200).body("id", equalTo(id));
        as(NORTH_CHIRO).get("/api/patients/" + id).then().statusCode(200);
        as(SOUTH_CHIRO).get("/api/patients/" + id).then().statusCode(404);
        as(token).get("/api/me/plans").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aPlanFromATemplateStoresWhatTheCatalogSaidThen() {
        as(NORTH_CHIRO).get("/api/plans/" + paulsPlan).then().statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("title", equalTo("Mid-back relief"))
                .body("routine.slug", equalTo("mid-back-relief"))
                .body("version", equalTo(1))
                .body("schedule.sessionsPerDay", equalTo(1))
                .body("schedule.daysOfWeek", hasSize(7))
                .body("items", hasSize(4))
                .body("items[2].exercise", equalTo("cat-cow"))
                .body("items[2].exerciseName", equalTo("Cat-cow on all fours"))
                .body("items[2].holdSeconds", equalTo(30))
                .body("items[1].holdSeconds", equalTo(30));
    }

    @Test
    void laterCatalogEditsNeverRewriteAPrescription() {
        String slug = "north-rotation-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> exercise = catalogExercise(slug, "Seated rotation");
        RestAssured.given().baseUri(CatalogServiceResource.url()).port(-1).auth().oauth2(NORTH_CHIRO)
                .contentType("application/json").body(exercise).post("/api/exercises").then().statusCode(201);
        Map<String, Object> body = fromExercises(schedule(paul.today(), 2, DayOfWeek.MONDAY, DayOfWeek.THURSDAY), slug);
        String plan = prescribe(NORTH_CHIRO, paul.id(), body);
        exercise.put("name", "Renamed later");
        RestAssured.given().baseUri(CatalogServiceResource.url()).port(-1).auth().oauth2(NORTH_CHIRO)
                .contentType("application/json").header("If-Match", "\"0\"").body(exercise)
                .put("/api/exercises/" + slug).then().statusCode(200);
        as(paul.token()).get("/api/plans/" + plan).then().statusCode(200)
                .body("items[0].exerciseName", equalTo("Seated rotation"))
                .body("items[0].reps", equalTo(8))
                .body("items[0].sets", equalTo(2))
                .body("items[0].side", equalTo("EACH_SIDE"));
        // south cannot see north's own exercise in the catalog, so cannot prescribe it
        as(SOUTH_CHIRO).body(fromExercises(schedule(sam.today(), 1), slug)).post("/api/patients/" + sam.id() + "/plans")
                .then().statusCode(400).body("violations[0].field", equalTo("items[0].exercise"));
    }

    @Test
    void chosenExercisesAreCheckedTogetherAndKeepTheirOrderAndRepeats() {
        String draft = "south-draft-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> exercise = catalogExercise(draft, "Not ready yet");
        exercise.put("status", "DRAFT");
        RestAssured.given().baseUri(CatalogServiceResource.url()).port(-1).auth().oauth2(SOUTH_CHIRO)
                .contentType("application/json").body(exercise).post("/api/exercises").then().statusCode(201);
        String url = "/api/patients/" + sam.id() + "/plans";

        String plan = prescribe(SOUTH_CHIRO, sam.id(),
                fromExercises(schedule(sam.today(), 1), "spinal-wedge", "cat-cow", "spinal-wedge"));
        as(sam.token()).get("/api/plans/" + plan).then().statusCode(200)
                .body("items.exercise", contains("spinal-wedge", "cat-cow", "spinal-wedge"))
                .body("items.exerciseName", contains("Spinal wedge chest opener", "Cat-cow on all fours",
                        "Spinal wedge chest opener"));
        // staff see their clinic's drafts in the catalog, but only published exercises can be prescribed
        as(SOUTH_CHIRO).body(fromExercises(schedule(sam.today(), 1), "cat-cow", draft)).post(url).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("items[1].exercise"))
                .body("violations[0].message", containsString("no published exercise"));
    }

    @Test
    void chosenExercisesCarryTheChiropractorsDosage() {
        Map<String, Object> body = fromExercises(schedule(petra.today(), 2, DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "cat-cow");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) body.get("items")).get(0);
        item.putAll(Map.of("sets", 3, "reps", 30, "side", "BOTH", "note", "slowly"));
        body.put("schedule", new HashMap<>(Map.of("daysOfWeek", List.of("MONDAY", "FRIDAY"), "sessionsPerDay", 2,
                "startDate", petra.today().toString(), "endDate", petra.today().plusWeeks(6).toString())));
        String plan = prescribe(NORTH_CHIRO, petra.id(), body);
        as(petra.token()).get("/api/me/plans").then().statusCode(200)
                .body("id", hasItem(plan))
                .body("find { it.id == '" + plan + "' }.items[0].reps", equalTo(30))
                .body("find { it.id == '" + plan + "' }.items[0].holdSeconds", nullValue())
                .body("find { it.id == '" + plan + "' }.items[0].note", equalTo("slowly"))
                .body("find { it.id == '" + plan + "' }.schedule.endDate", equalTo(petra.today().plusWeeks(6).toString()));
    }

    @Test
    void prescriptionsNamingUnknownEntriesOrBadDosesAreRefused() {
        String url = "/api/patients/" + paul.id() + "/plans";
        as(NORTH_CHIRO).body(fromRoutine("no-such-routine", schedule(paul.today(), 1))).post(url).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("routine"));
        as(NORTH_CHIRO).body(fromExercises(schedule(paul.today(), 1), "cat-cow", "no-such-exercise")).post(url).then()
                .statusCode(400).body("violations[0].field", equalTo("items[1].exercise"));
        Map<String, Object> both = fromExercises(schedule(paul.today(), 1), "cat-cow");
        both.put("items", List.of(Map.of("exercise", "cat-cow", "reps", 10, "holdSeconds", 30, "sets", 0)));
        as(NORTH_CHIRO).body(both).post(url).then().statusCode(400)
                .body("violations.field", hasItem("items[0].sets"))
                .body("violations.field", hasItem("items[0].repsOrHold"));
        Map<String, Object> noDays = fromExercises(Map.of("startDate", paul.today().toString()), "cat-cow");
        as(NORTH_CHIRO).body(noDays).post(url).then().statusCode(400)
                .body("violations[0].field", equalTo("schedule.daysOfWeek"));
        Map<String, Object> backwards = fromRoutine("mid-back-relief", new HashMap<>(Map.of(
                "startDate", paul.today().toString(), "endDate", paul.today().minusDays(1).toString())));
        as(NORTH_CHIRO).body(backwards).post(url).then().statusCode(400).body("violations.field", hasItem("schedule.endDate"));
        as(NORTH_CHIRO).body(Map.of("schedule", schedule(paul.today(), 1))).post(url).then().statusCode(400)
                .body("violations.field", hasItem("routineOrItems"));
        as(NORTH_CHIRO).body(fromRoutine("mid-back-relief", schedule(paul.today(), 9))).post(url).then().statusCode(400)
                .body("violations.field", hasItem("schedule.sessionsPerDay"));
        as(NORTH_CHIRO).body(fromRoutine("mid-back-relief", schedule(paul.today().minusDays(8), 1))).post(url).then()
                .statusCode(400).body("violations[0].field", equalTo("schedule.startDate"));
        Map<String, Object> massAssignment = fromRoutine("mid-back-relief", schedule(paul.today(), 1));
        massAssignment.put("clinicId", SOUTH);
        as(NORTH_CHIRO).body(massAssignment).post(url).then().statusCode(400).body("violations.field", hasItem("clinicId"));
    }

    @Test
    void onlyChiropractorsOfThePatientsClinicPrescribe() {
        Map<String, Object> body = fromRoutine("mid-back-relief", schedule(paul.today(), 1));
        as(NORTH_ADMIN).body(body).post("/api/patients/" + paul.id() + "/plans").then().statusCode(403);
        as(SOUTH_CHIRO).body(body).post("/api/patients/" + paul.id() + "/plans").then().statusCode(404);
        as(NORTH_CHIRO).body(body).post("/api/patients/" + UUID.randomUUID() + "/plans").then().statusCode(404);
    }

    @Test
    void aPlanIsSeenByItsPatientAndItsClinicsChiropractorsOnly() {
        as(paul.token()).get("/api/plans/" + paulsPlan).then().statusCode(200);
        as(paul.token()).get("/api/me/plans").then().statusCode(200).body("id", hasItem(paulsPlan));
        as(NORTH_CHIRO).get("/api/plans/" + paulsPlan).then().statusCode(200);
        as(NORTH_ADMIN).get("/api/plans/" + paulsPlan).then().statusCode(403);
        as(NORTH_CHIRO).get("/api/patients/" + paul.id() + "/plans").then().statusCode(200).body("id", hasItem(paulsPlan));
        as(petra.token()).get("/api/plans/" + paulsPlan).then().statusCode(404).contentType(PROBLEM_JSON);
        as(petra.token()).get("/api/plans/" + paulsPlan + "/versions").then().statusCode(404);
        as(petra.token()).get("/api/me/plans").then().body("id", not(hasItem(paulsPlan)));
        as(sam.token()).get("/api/plans/" + paulsPlan).then().statusCode(404);
        as(SOUTH_CHIRO).get("/api/plans/" + paulsPlan).then().statusCode(404);
        as(SOUTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + paulsPlan).then().statusCode(404);
        as(NORTH_ADMIN).body(Map.of("status", "PAUSED")).patch("/api/plans/" + paulsPlan).then().statusCode(403);
        as(NORTH_CHIRO).get("/api/plans/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void aPlanPausesResumesAndCompletesAndThenStaysCompleted() {
        EnrolledPatient pia = enrol(NORTH_CHIRO, NORTH, "Pia", "Asia/Tokyo");
        String plan = Fixtures.dailyPlan(NORTH_CHIRO, pia);
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + plan).then().statusCode(200)
                .body("status", equalTo("PAUSED"));
        as(NORTH_CHIRO).body(Map.of("status", "ACTIVE")).contentType("application/merge-patch+json; charset=UTF-8") // JSON is UTF-8 (RFC 8259); another charset gets 415
                .patch("/api/plans/" + plan).then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(NORTH_CHIRO).body(Map.of("status", "COMPLETED")).patch("/api/plans/" + plan).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("completedOn", equalTo(pia.today().toString()));
        as(NORTH_CHIRO).body(Map.of("status", "ACTIVE")).patch("/api/plans/" + plan).then().statusCode(409)
                .contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).body(Map.of()).patch("/api/plans/" + plan).then().statusCode(400);
        as(NORTH_CHIRO).body(Map.of("status", "SOMETIMES")).patch("/api/plans/" + plan).then().statusCode(400)
                .body("detail", containsString("PAUSED"));
    }

    @Test
    void anEditAddsAVersionAndKeepsTheEarlierOne() {
        EnrolledPatient otto = enrol(NORTH_CHIRO, NORTH, "Otto", "Europe/Lisbon");
        String plan = Fixtures.dailyPlan(NORTH_CHIRO, otto);
        Map<String, Object> edit = Map.of("schedule", Map.of("startDate", otto.today().toString(), "sessionsPerDay", 2),
                "items", List.of(Map.of("exercise", "spinal-wedge", "holdSeconds", 90)));
        as(NORTH_CHIRO).body(edit).patch("/api/plans/" + plan).then().statusCode(200)
                .body("version", equalTo(2))
                .body("schedule.sessionsPerDay", equalTo(2))
                .body("schedule.daysOfWeek", hasSize(7))
                .body("items", hasSize(1))
                .body("items[0].holdSeconds", equalTo(90))
                .body("routine.slug", equalTo("mid-back-relief"));
        as(otto.token()).get("/api/plans/" + plan + "/versions").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].version", equalTo(1))
                .body("[0].items", hasSize(4))
                .body("[0].effectiveUntil", equalTo(otto.today().minusDays(1).toString()))
                .body("[1].effectiveFrom", equalTo(otto.today().toString()))
                .body("[1].effectiveUntil", nullValue());
        as(NORTH_CHIRO).body(Map.of("items", List.of(Map.of("exercise", "gone-exercise"))))
                .patch("/api/plans/" + plan).then().statusCode(400).body("violations[0].field", equalTo("items[0].exercise"));
        as(NORTH_CHIRO).get("/api/plans/" + plan).then().body("version", equalTo(2));
    }

    @Test
    void theLocationOfANewPlanPointsAtIt() {
        String location = as(NORTH_CHIRO).body(fromRoutine("mid-back-relief", schedule(petra.today(), 1)))
                .post("/api/patients/" + petra.id() + "/plans").then().statusCode(201)
                .header("Location", containsString("/api/plans/")).extract().header("Location");
        as(petra.token()).get(location).then().statusCode(200).body("id", endsWith(location.substring(location.lastIndexOf('/') + 1)));
    }

    static Map<String, Object> catalogExercise(String slug, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", name);
        body.put("bodyRegion", "THORACIC");
        body.put("category", "MOBILITY");
        body.put("summary", "Rotate the mid-back while seated.");
        body.put("steps", List.of("Sit tall.", "Turn your upper body."));
        body.put("position", "SEATED");
        body.put("dosage", new HashMap<>(Map.of("reps", Map.of("min", 8, "max", 12), "sets", 2, "sides", "EACH_SIDE")));
        body.put("status", "PUBLISHED");
        return body;
    }
}
