package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.prescribe;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Check-offs: idempotency (also under concurrent replays), the date rules, undo and "today". */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class CheckOffTest {

    private static EnrolledPatient paul;
    private static EnrolledPatient sam;
    private static String paulsPlan;
    private static String samsPlan;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void paulAndSamHaveDailyPlans() {
        if (paul != null) {
            return;
        }
        paul = enrol(NORTH_CHIRO, NORTH, "Paul", "Europe/Berlin");
        sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "Australia/Sydney");
        paulsPlan = prescribe(NORTH_CHIRO, paul.id(),
                fromRoutine("mid-back-relief", schedule(paul.today().minusDays(7), 3)));
        samsPlan = dailyPlan(SOUTH_CHIRO, sam);
    }

    private static Response post(EnrolledPatient who, String key, Map<String, Object> body) {
        var request = as(who.token()).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/me/sessions");
    }

    @Test
    void aCheckOffIsRecordedAndShowsInToday() {
        String id = post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, paul.today(), 1)).then().statusCode(201)
                .header("Location", containsString("/api/me/sessions/"))
                .header("Idempotent-Replayed", "false")
                .body("planId", equalTo(paulsPlan))
                .body("date", equalTo(paul.today().toString()))
                .body("items[0].reps", equalTo(24))
                .body("painBefore", equalTo(5))
                .body("recordedAt", notNullValue())
                .extract().path("id");
        as(paul.token()).get("/api/me/today").then().statusCode(200)
                .body("date", equalTo(paul.today().toString()))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("plans.find { it.planId == '" + paulsPlan + "' }.sessionsPerDay", equalTo(3))
                .body("plans.find { it.planId == '" + paulsPlan + "' }.sessions[0].checkOffId", equalTo(id))
                .body("plans.find { it.planId == '" + paulsPlan + "' }.sessions[1].done", equalTo(false))
                .body("plans.find { it.planId == '" + paulsPlan + "' }.items[0].exercise", equalTo("wall-ball-release"));
    }

    @Test
    void aReplayWithTheSameKeyGetsTheFirstAnswerAndAnotherBodyGets422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkOff(paulsPlan, paul.today().minusDays(1), 1);
        Response first = post(paul, key, body);
        first.then().statusCode(201);
        Response replay = post(paul, key, body);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.asString()).isEqualTo(first.asString());
        Map<String, Object> other = checkOff(paulsPlan, paul.today().minusDays(1), 2);
        post(paul, key, other).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", containsString("Idempotency-Key"));
        // keys belong to one patient: Sam may use the same key for his own check-off
        post(sam, key, checkOff(samsPlan, sam.today(), 1)).then().statusCode(201).header("Idempotent-Replayed", "false");
    }

    @Test
    void concurrentReplaysCreateExactlyOneCheckOff() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkOff(paulsPlan, paul.today().minusDays(2), 1);
        int parallel = 16;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return post(paul, key, body);
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response r = answer.get();
            assertThat(r.statusCode()).isEqualTo(201);
            ids.add(r.path("id"));
        }
        pool.shutdown();
        assertThat(ids).hasSize(parallel).containsOnly(ids.get(0));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM session_checkoff WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        post(paul, null, checkOff(paulsPlan, paul.today(), 2)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        post(paul, "  ", checkOff(paulsPlan, paul.today(), 2)).then().statusCode(400);
        post(paul, "k".repeat(101), checkOff(paulsPlan, paul.today(), 2)).then().statusCode(400);
    }

    @Test
    void badInputsGetClearProblems() {
        Map<String, Object> pain = checkOff(paulsPlan, paul.today(), 2);
        pain.put("painBefore", 11);
        pain.put("painAfter", -1);
        post(paul, UUID.randomUUID().toString(), pain).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("painBefore"))
                .body("violations.field", hasItem("painAfter"));
        Map<String, Object> difficulty = checkOff(paulsPlan, paul.today(), 2);
        difficulty.put("difficulty", 9);
        difficulty.put("slot", 0);
        post(paul, UUID.randomUUID().toString(), difficulty).then().statusCode(400)
                .body("violations.field", hasItem("difficulty"))
                .body("violations.field", hasItem("slot"));
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, paul.today().plusDays(1), 2)).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("date"))
                .body("detail", containsString("future"));
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, paul.today().minusDays(8), 2)).then()
                .statusCode(400).body("violations[0].field", equalTo("date")).body("detail", containsString("7 days"));
        post(paul, UUID.randomUUID().toString(), checkOff(UUID.randomUUID().toString(), paul.today(), 2)).then()
                .statusCode(404).contentType(PROBLEM_JSON);
        Map<String, Object> badDate = checkOff(paulsPlan, paul.today(), 2);
        badDate.put("date", "23.11.2026");
        post(paul, UUID.randomUUID().toString(), badDate).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("date"));
        Map<String, Object> noItems = checkOff(paulsPlan, paul.today(), 2);
        noItems.remove("items");
        noItems.remove("planId");
        post(paul, UUID.randomUUID().toString(), noItems).then().statusCode(400)
                .body("violations.field", hasItem("items"))
                .body("violations.field", hasItem("planId"));
        as(paul.token()).header("Idempotency-Key", "x").body("{\"planId\": ").post("/api/me/sessions").then()
                .statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void nobodyChecksOffAnotherPatientsPlan() {
        post(sam, UUID.randomUUID().toString(), checkOff(paulsPlan, sam.today(), 1)).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(checkOff(paulsPlan, paul.today(), 1)).post("/api/me/sessions").then().statusCode(403);
        anonymous().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(checkOff(paulsPlan, paul.today(), 1)).post("/api/me/sessions").then().statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theSameSlotCannotBeCheckedOffTwice() {
        LocalDate day = paul.today().minusDays(3);
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, day, 3)).then().statusCode(201);
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, day, 3)).then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("already checked off"));
    }

    @Test
    void aSlotBeyondTheDaysSessionsIsRefusedNamingTheSchedule() throws SQLException {
        LocalDate day = paul.today().minusDays(4);
        // Paul's plan has three sessions a day: a fourth slot would be a check-off no schedule asked for
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, day, 4)).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("slot"))
                .body("detail", containsString("3 sessions a day"));
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, day, 12)).then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations.field", hasItem("slot"));
        post(paul, UUID.randomUUID().toString(), checkOff(paulsPlan, day, 3)).then().statusCode(201);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM session_checkoff WHERE plan_id = ?::uuid AND session_date = ? AND slot > 3")) {
            s.setString(1, paulsPlan);
            s.setObject(2, day);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("check-offs stored beyond the schedule").isZero();
            }
        }
    }

    @Test
    void pausedAndCompletedPlansTakeNoCheckOffs() {
        EnrolledPatient pia = enrol(NORTH_CHIRO, NORTH, "Pia", "Asia/Tokyo");
        String plan = dailyPlan(NORTH_CHIRO, pia);
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + plan).then().statusCode(200);
        post(pia, UUID.randomUUID().toString(), checkOff(plan, pia.today(), 1)).then().statusCode(409)
                .body("detail", containsString("paused"));
        as(NORTH_CHIRO).body(Map.of("status", "COMPLETED")).patch("/api/plans/" + plan).then().statusCode(200);
        post(pia, UUID.randomUUID().toString(), checkOff(plan, pia.today(), 1)).then().statusCode(409)
                .body("detail", containsString("completed"));
        as(pia.token()).get("/api/me/today").then().statusCode(200).body("plans.size()", equalTo(0));
    }

    @Test
    void aCheckOffCanBeUndoneOnTheSameDayOnly() throws Exception {
        EnrolledPatient una = enrol(SOUTH_CHIRO, SOUTH, "Una", "America/Chicago");
        String plan = prescribe(SOUTH_CHIRO, una.id(), fromRoutine("mid-back-relief", schedule(una.today(), 2)));
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = checkOff(plan, una.today(), 1);
        String id = post(una, key, body).then().statusCode(201).extract().path("id");
        as(sam.token()).delete("/api/me/sessions/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
        as(una.token()).delete("/api/me/sessions/" + id).then().statusCode(204);
        as(una.token()).delete("/api/me/sessions/" + id).then().statusCode(204);
        as(una.token()).get("/api/me/today").then()
                .body("plans[0].sessions[0].done", equalTo(false))
                .body("plans[0].sessions[0].checkOffId", nullValue());
        post(una, key, body).then().statusCode(409).body("detail", containsString("undone"));
        post(una, UUID.randomUUID().toString(), body).then().statusCode(201);

        String old = post(una, UUID.randomUUID().toString(), checkOff(plan, una.today(), 2)).then().statusCode(201)
                .extract().path("id");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE session_checkoff SET created_at = created_at - interval '2 days' WHERE id = ?")) {
            s.setObject(1, UUID.fromString(old));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        as(una.token()).delete("/api/me/sessions/" + old).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("detail", containsString("day it was recorded"));
        as(una.token()).delete("/api/me/sessions/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void datesAreThePatientsOwnLocalDates() {
        EnrolledPatient kiri = enrol(NORTH_CHIRO, NORTH, "Kiri", "Pacific/Kiritimati");
        EnrolledPatient pago = enrol(NORTH_CHIRO, NORTH, "Pago", "Pacific/Pago_Pago");
        String kiriPlan = prescribe(NORTH_CHIRO, kiri.id(), fromRoutine("mid-back-relief", schedule(kiri.today().minusDays(2), 1)));
        String pagoPlan = prescribe(NORTH_CHIRO, pago.id(), fromRoutine("mid-back-relief", schedule(pago.today().minusDays(2), 1)));
        LocalDate kiritimatiToday = LocalDate.now(ZoneId.of("Pacific/Kiritimati"));
        // UTC+14: its today is often the UTC tomorrow, and still accepted
        post(kiri, UUID.randomUUID().toString(), checkOff(kiriPlan, kiritimatiToday, 1)).then().statusCode(201);
        // UTC-11: the same date is always in Pago Pago's future
        post(pago, UUID.randomUUID().toString(), checkOff(pagoPlan, kiritimatiToday, 1)).then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        as(pago.token()).get("/api/me/today").then().body("date", equalTo(LocalDate.now(ZoneId.of("Pacific/Pago_Pago")).toString()));
    }

    @Test
    void aSessionDoneOfflineYesterdayEveningAndReceivedTodayCountsForYesterday() throws SQLException {
        EnrolledPatient olga = enrol(NORTH_CHIRO, NORTH, "Olga", "Europe/Berlin");
        String plan = prescribe(NORTH_CHIRO, olga.id(), fromRoutine("mid-back-relief", schedule(olga.today().minusDays(3), 1)));
        LocalDate yesterday = olga.today().minusDays(1);
        Instant performed = yesterday.atTime(21, 0).atZone(olga.zone()).toInstant();
        Map<String, Object> body = checkOff(plan, yesterday, 1);
        // as a phone sends it: with the offset of its zone
        body.put("performedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(performed.atZone(olga.zone())));
        String key = UUID.randomUUID().toString();
        Response first = post(olga, key, body);
        first.then().statusCode(201).body("date", equalTo(yesterday.toString()))
                .body("performedAt", equalTo(performed.toString()));
        assertThat(Instant.parse(first.path("recordedAt"))).isAfter(performed);
        as(NORTH_CHIRO).get("/api/patients/" + olga.id() + "/adherence?days=true").then().statusCode(200)
                .body("days.find { it.date == '" + yesterday + "' }.completed", equalTo(1))
                .body("days.find { it.date == '" + olga.today() + "' }.completed", equalTo(0));
        // the outbox sends it again after a lost answer: replayed, stored once
        Response replay = post(olga, key, body);
        replay.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(replay.asString()).isEqualTo(first.asString());
        assertThat(rowsWithKey(key)).isEqualTo(1);
        // the same key with another performedAt is another check-off: refused as any other body mismatch
        body.put("performedAt", performed.plusSeconds(60).toString());
        post(olga, key, body).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("detail", containsString("Idempotency-Key"));
        assertThat(rowsWithKey(key)).isEqualTo(1);
        // without performedAt the session was done when received
        Response now = post(olga, UUID.randomUUID().toString(), checkOff(plan, olga.today(), 1));
        now.then().statusCode(201);
        assertThat(now.<String>path("performedAt")).isEqualTo(now.path("recordedAt"));
        // a row written without it (before V9, the launcher's demo load) reads as performed when received
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE session_checkoff SET performed_at = NULL WHERE id = ?")) {
            s.setObject(1, UUID.fromString(now.path("id")));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        as(olga.token()).get("/api/me/export").then().statusCode(200)
                .body("checkOffs.find { it.id == '" + now.path("id") + "' }.performedAt", equalTo(now.path("recordedAt")));
    }

    @Test
    void aPerformedAtInTheFutureBeforeTheWindowOrOffItsDateIsRefused() {
        Map<String, Object> future = checkOff(paulsPlan, paul.today(), 3);
        future.put("performedAt", Instant.now().plus(Duration.ofMinutes(30)).toString());
        post(paul, UUID.randomUUID().toString(), future).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("performedAt")).body("detail", containsString("future"));
        // a phone clock a little ahead is tolerated (spinewise.plan.clock-skew)
        Map<String, Object> skewed = checkOff(paulsPlan, paul.today().minusDays(3), 3);
        Instant aLittleAhead = Instant.now().plusSeconds(60);
        skewed.put("date", LocalDate.ofInstant(aLittleAhead, paul.zone()).toString());
        skewed.put("performedAt", aLittleAhead.toString());
        post(paul, UUID.randomUUID().toString(), skewed).then().statusCode(201);
        LocalDate tooLate = paul.today().minusDays(8);
        Map<String, Object> old = checkOff(paulsPlan, tooLate, 3);
        old.put("performedAt", tooLate.atTime(20, 0).atZone(paul.zone()).toInstant().toString());
        post(paul, UUID.randomUUID().toString(), old).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("performedAt")).body("detail", containsString("7 days"));
        Map<String, Object> offItsDate = checkOff(paulsPlan, paul.today().minusDays(4), 3);
        offItsDate.put("performedAt", paul.today().minusDays(5).atTime(20, 0).atZone(paul.zone()).toInstant().toString());
        post(paul, UUID.randomUUID().toString(), offItsDate).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("date"))
                .body("detail", containsString(paul.today().minusDays(5).toString()));
        Map<String, Object> notAnInstant = checkOff(paulsPlan, paul.today().minusDays(4), 3);
        notAnInstant.put("performedAt", "yesterday evening");
        post(paul, UUID.randomUUID().toString(), notAnInstant).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("performedAt"));
    }

    private int rowsWithKey(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM session_checkoff WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
