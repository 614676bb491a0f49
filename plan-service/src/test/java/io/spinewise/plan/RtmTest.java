package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_ADMIN;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Remote Therapeutic Monitoring over HTTP against the real database: periods, the time log, the month report. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RtmTest {

    private static final String NOTICE = "Spinewise counts; the clinic decides what to bill.";

    @Inject
    AgroalDataSource dataSource;

    private EnrolledPatient patient;
    private String plan;

    @BeforeEach
    void aNorthPatientWithAPlan() {
        patient = enrol(NORTH_CHIRO, NORTH, "Rita", "Pacific/Auckland");
        plan = dailyPlan(NORTH_CHIRO, patient);
    }

    @Test
    void periodsRunThirtyDaysFromTheFirstCheckOffAndCountItsDays() throws Exception {
        LocalDate first = patient.today().minusDays(70);
        checkOffOn(first, first.plusDays(29)); // the first period's first and last day
        checkOffEvery(first.plusDays(30), first.plusDays(45)); // 16 days: the second period, which starts at once
        checkOffOn(first.plusDays(65)); // a gap: the third starts on its first day with data
        undoneCheckOffOn(first.plusDays(66)); // undone: no data

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200)
                .body("notice", equalTo(NOTICE))
                .body("periodRule", containsString("30 days from the first day with data"))
                .body("periods", hasSize(3))
                .body("periods[0].start", equalTo(first.toString()))
                .body("periods[0].end", equalTo(first.plusDays(29).toString()))
                .body("periods[0].daysWithData", equalTo(2))
                .body("periods[0].deviceSupplyCode", equalTo("98985"))
                .body("periods[0].setUpCode", equalTo("98975"))
                .body("periods[1].start", equalTo(first.plusDays(30).toString()))
                .body("periods[1].daysWithData", equalTo(16))
                .body("periods[1].deviceSupplyCode", equalTo("98977"))
                .body("periods[1].setUpCode", nullValue())
                .body("periods[2].start", equalTo(first.plusDays(65).toString()))
                .body("periods[2].daysWithData", equalTo(1))
                .body("periods[2].deviceSupplyCode", nullValue())
                .body("periods[2].ongoing", equalTo(true));

        // the patient PDF: the current period and the one before it, with the rules and who decides
        String pdf = PdfText.of(as(NORTH_CHIRO).get("/api/reports/patients/" + patient.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray()).text().replaceAll("\\s+", " ");
        assertThat(pdf).contains("Remote monitoring (counts, not a billing decision)",
                first.plusDays(65) + " to " + first.plusDays(94), first.plusDays(30) + " to " + first.plusDays(59),
                "98977", "previous", "A monitoring period is 30 days from the first day with data", NOTICE)
                .doesNotContain(first + " to " + first.plusDays(29));
    }

    @Test
    void aQuestionnaireAnswerIsADayWithDataToo() {
        String assignment = as(NORTH_CHIRO).body(Map.of("instrument", "NPRS"))
                .post("/api/patients/" + patient.id() + "/assessments").then().statusCode(201).extract().path("id");
        as(patient.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", patient.today().toString(), "answers", List.of(Map.of("item", "pain", "value", 3))))
                .post("/api/me/assessments/" + assignment + "/responses").then().statusCode(201);

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200)
                .body("periods", hasSize(1))
                .body("periods[0].start", equalTo(patient.today().toString()))
                .body("periods[0].daysWithData", equalTo(1));
    }

    @Test
    void monthMinutesQualifyOnlyOnceAnInteractiveEntryIsLogged() {
        LocalDate day = patient.today().withDayOfMonth(1);
        log(NORTH_CHIRO, day, 15, false);
        String month = YearMonth.from(day).toString();

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200)
                .body("months", hasSize(1)).body("months[0].month", equalTo(month))
                .body("months[0].minutesLogged", equalTo(15)).body("months[0].qualifyingMinutes", equalTo(0))
                .body("months[0].codes", hasSize(0))
                .body("timeRule", containsString("at least one entry of the month included an interactive"));

        log(NORTH_CHIRO, day, 10, true);
        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200)
                .body("months[0].minutesLogged", equalTo(25)).body("months[0].qualifyingMinutes", equalTo(25))
                .body("months[0].interactiveEntries", equalTo(1))
                .body("months[0].codes[0].code", equalTo("98980")).body("months[0].codes", hasSize(1));
    }

    @Test
    void aLoggedEntryIsListedWithItsClinicianAndLocation() {
        Response created = as(NORTH_CHIRO).body(entry(patient.today(), 12, true, "  call about the flare-up "))
                .post("/api/patients/" + patient.id() + "/rtm/time");
        created.then().statusCode(201).body("minutes", equalTo(12)).body("note", equalTo("call about the flare-up"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/patients/" + patient.id() + "/rtm/time/" + id);

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm/time").then().statusCode(200)
                .body("id", hasItem(id)).body("[0].interactive", equalTo(true));
    }

    @Test
    void aDayAfterThePatientsTodayIsRefusedNamingDate() {
        as(NORTH_CHIRO).body(entry(patient.today().plusDays(1), 10, true, null))
                .post("/api/patients/" + patient.id() + "/rtm/time")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("date"));
    }

    @Test
    void minutesOutside1To240AndLongNotesAreRefused() {
        for (int minutes : new int[] {0, 241}) {
            as(NORTH_CHIRO).body(entry(patient.today(), minutes, true, null))
                    .post("/api/patients/" + patient.id() + "/rtm/time")
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("minutes"));
        }
        as(NORTH_CHIRO).body(entry(patient.today(), 5, true, "x".repeat(501)))
                .post("/api/patients/" + patient.id() + "/rtm/time")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("note"));
    }

    @Test
    void anotherClinicsPatientIsA404() {
        as(SOUTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(404);
        as(SOUTH_CHIRO).body(entry(patient.today(), 10, true, null)).post("/api/patients/" + patient.id() + "/rtm/time")
                .then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void onlyTheClinicianWhoLoggedTimeMayDeleteItAndDeletedTimeNoLongerCounts() {
        String colleague = TestIssuer.token(Roles.CHIROPRACTOR, NORTH);
        String id = log(NORTH_CHIRO, patient.today(), 30, true);
        String path = "/api/patients/" + patient.id() + "/rtm/time/";

        as(colleague).delete(path + id).then().statusCode(403).contentType(PROBLEM_JSON);
        as(SOUTH_CHIRO).delete(path + id).then().statusCode(404);
        as(NORTH_CHIRO).delete(path + UUID.randomUUID()).then().statusCode(404);
        as(NORTH_CHIRO).delete(path + id).then().statusCode(204);
        as(NORTH_CHIRO).delete(path + id).then().statusCode(404);

        as(NORTH_CHIRO).get("/api/patients/" + patient.id() + "/rtm").then().statusCode(200).body("months", hasSize(0));
        List<Map<String, Object>> audit = as(NORTH_ADMIN).queryParam("patient", patient.id()).queryParam("size", 100)
                .get("/api/audit").then().statusCode(200).extract().path("items");
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("patient.rtm.time.delete");
            assertThat(e.get("outcome")).isEqualTo("SUCCESS");
        });
    }

    @Test
    void theMonthReportListsThePatientsPeriodAndMinutesAsJsonAndAsAStreamedCsv() throws SQLException {
        LocalDate first = patient.today().minusDays(3);
        checkOffOn(first, first.plusDays(1));
        log(NORTH_CHIRO, patient.today(), 25, true);
        String month = YearMonth.from(patient.today()).toString();

        as(NORTH_ADMIN).queryParam("month", month).get("/api/reports/rtm").then().statusCode(200)
                .body("notice", equalTo(NOTICE))
                .body("rows.findAll { it.patientId == '" + patient.id() + "' }.qualifyingMinutes", hasItem(25))
                .body("rows.findAll { it.patientId == '" + patient.id() + "' }.timeCodes", hasItem("98980"));

        Response csv = as(NORTH_CHIRO).queryParam("month", month).get("/api/reports/rtm.csv");
        csv.then().statusCode(200).contentType(containsString("text/csv")).header("Transfer-Encoding", "chunked");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("patient_id,patient_name,month,minutes_logged,interactive_entries,"
                + "qualifying_minutes,time_codes,period_start,period_end,days_with_data,device_supply_code,set_up_code");
        assertThat(lines).filteredOn(l -> l.startsWith(patient.id())).anySatisfy(l ->
                assertThat(l).contains(",25,1,25,98980,").contains(",2,98985,98975"));
    }

    @Test
    void aPatientWhoseDataAllLiesBeforeTheMonthAndWithoutTimeInItHasNoRow() throws SQLException {
        checkOffOn(patient.today().minusDays(100));
        String month = YearMonth.from(patient.today()).toString();

        as(NORTH_CHIRO).queryParam("month", month).get("/api/reports/rtm").then().statusCode(200)
                .body("rows.patientId", not(hasItem(patient.id())));
    }

    @Test
    void aMonthThatCannotBeReadIsA400NamingIt() {
        for (String month : new String[] {"2026-13", "november", ""}) {
            as(NORTH_CHIRO).queryParam("month", month).get("/api/reports/rtm.csv").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("month"));
        }
    }

    private String log(String token, LocalDate date, int minutes, boolean interactive) {
        return as(token).body(entry(date, minutes, interactive, null)).post("/api/patients/" + patient.id() + "/rtm/time")
                .then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> entry(LocalDate date, int minutes, boolean interactive, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("minutes", minutes);
        body.put("interactive", interactive);
        body.put("note", note);
        return body;
    }

    private void checkOffEvery(LocalDate from, LocalDate to) throws SQLException {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            checkOffOn(d);
        }
    }

    /** Check-offs written straight into the table: the API takes none older than the late-logging window. */
    private void checkOffOn(LocalDate... days) throws SQLException {
        for (LocalDate day : days) {
            insertCheckOff(day, null);
        }
    }

    private void undoneCheckOffOn(LocalDate day) throws SQLException {
        insertCheckOff(day, Instant.now());
    }

    private void insertCheckOff(LocalDate day, Instant undoneAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              idempotency_key, request_hash, undone_at)
                VALUES (gen_random_uuid(), ?, ?, ?, ?, 1, '[]', gen_random_uuid()::text, 'test', ?)""")) {
            s.setString(1, NORTH);
            s.setObject(2, UUID.fromString(patient.id()));
            s.setObject(3, UUID.fromString(plan));
            s.setObject(4, day);
            s.setObject(5, undoneAt == null ? null : Timestamp.from(undoneAt));
            s.executeUpdate();
        }
    }
}
