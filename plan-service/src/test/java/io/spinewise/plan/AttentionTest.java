package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * "Needs attention today" over HTTP on the real database: who is listed and why (pain up against the patient's
 * own baseline, no session, low adherence), the ranking, acknowledgements that lapse with new data, the
 * clinic's own threshold, and who may see and acknowledge.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttentionTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String LIST = "/api/attention";

    private static EnrolledPatient pia;
    private static EnrolledPatient ivo;
    private static EnrolledPatient ada;
    private static EnrolledPatient ned;
    private static EnrolledPatient mo;
    private static String piasPlan;

    /**
     * Pia: daily for a week, done every day but today; pain before 2, 2, 2, then 6, 6, 6 (up 4 against her
     * baseline). Ivo: daily for a week, never done. Ada: done every day, pain steady at 3. Ned: like Ivo, but his
     * plan is paused. Sam (south): like Ivo. The tests run in order: the third adds to Pia's history.
     */
    @BeforeEach
    void fourPatientsOfNorthAndOneOfSouth() {
        if (pia != null) {
            return;
        }
        pia = enrol(NORTH_CHIRO, NORTH, "Pia", "Europe/Berlin");
        ivo = enrol(NORTH_CHIRO, NORTH, "Ivo", "Europe/Berlin");
        ada = enrol(NORTH_CHIRO, NORTH, "Ada", "Europe/Berlin");
        ned = enrol(NORTH_CHIRO, NORTH, "Ned", "Europe/Berlin");
        EnrolledPatient sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "Europe/Berlin");
        LocalDate t = pia.today();
        piasPlan = prescribe(NORTH_CHIRO, pia.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(6), 1)));
        String adasPlan = prescribe(NORTH_CHIRO, ada.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(6), 1)));
        int[] pain = {2, 2, 2, 6, 6, 6};
        for (int i = 0; i < 6; i++) {
            checkIn(pia, piasPlan, t.minusDays(6 - i), pain[i]);
            checkIn(ada, adasPlan, t.minusDays(6 - i), 3);
        }
        checkIn(ada, adasPlan, t, 3);
        prescribe(NORTH_CHIRO, ivo.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(6), 1)));
        String nedsPlan = prescribe(NORTH_CHIRO, ned.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(6), 1)));
        as(NORTH_CHIRO).body(Map.of("status", "PAUSED")).patch("/api/plans/" + nedsPlan).then().statusCode(200);
        prescribe(SOUTH_CHIRO, sam.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(6), 1)));
    }

    @Test
    @Order(1)
    void patientsWhoNeedALookAreRankedWithTheirReasonsInWords() {
        as(NORTH_CHIRO).get(LIST).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.patientId", equalTo(List.of(pia.id(), ivo.id())))
                .body("items[0].reasons.code", equalTo(List.of("PAIN_UP")))
                .body("items[0].reasons[0].text", equalTo(
                        "Pain up 4 points against their baseline (2 at the start, 6 lately; clinic's rise: 2)"))
                .body("items[0].lastSession", equalTo(pia.today().minusDays(1).toString()))
                .body("items[1].reasons.code", equalTo(List.of("INACTIVE", "LOW_ADHERENCE")))
                .body("items[1].reasons[0].text", equalTo("No session yet (clinic's limit: 5 days)"))
                .body("items[1].reasons[1].text", containsString("Adherence 0% over 30 days: 0 of "));
        as(SOUTH_CHIRO).get(LIST).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].name", containsString("Sam"));
    }

    @Test
    @Order(3) // adds a session to Pia's history
    void anAcknowledgedReasonLeavesTheListUntilNewDataForItArrives() {
        as(NORTH_CHIRO).body(Map.of("reason", "PAIN_UP", "note", "called: lifted boxes at the weekend"))
                .post("/api/patients/" + pia.id() + "/attention-acknowledgements").then().statusCode(201)
                .body("code", equalTo("PAIN_UP")).body("by", notNullValue()).body("until", notNullValue())
                .body("note", equalTo("called: lifted boxes at the weekend"));
        as(NORTH_CHIRO).get(LIST).then().statusCode(200).body("items.patientId", not(hasItem(pia.id())));

        // a new rating is new data: still up, so she is back, with the acknowledgement shown
        checkIn(pia, piasPlan, pia.today(), 7);
        as(NORTH_CHIRO).get(LIST).then().statusCode(200)
                .body("items[0].patientId", equalTo(pia.id()))
                .body("items[0].acknowledged", hasSize(1))
                .body("items[0].acknowledged[0].note", equalTo("called: lifted boxes at the weekend"));
        as(NORTH_ADMIN).get("/api/audit?size=100&patient=" + pia.id()).then().statusCode(200)
                .body("items.action", hasItem("attention.acknowledge"));
    }

    @Test
    @Order(4)
    void onlyAnOpenReasonOfAPatientOfTheClinicCanBeAcknowledged() {
        as(NORTH_CHIRO).body(Map.of("reason", "LOW_ADHERENCE"))
                .post("/api/patients/" + ada.id() + "/attention-acknowledgements").then().statusCode(409)
                .contentType(PROBLEM_JSON).body("detail", containsString("does not need attention for LOW_ADHERENCE"));
        as(SOUTH_CHIRO).body(Map.of("reason", "INACTIVE"))
                .post("/api/patients/" + ivo.id() + "/attention-acknowledgements").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).body(Map.of("reason", "BORED"))
                .post("/api/patients/" + ivo.id() + "/attention-acknowledgements").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).body(Map.of("reason", "INACTIVE", "note", "x".repeat(501)))
                .post("/api/patients/" + ivo.id() + "/attention-acknowledgements").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("detail", containsString("note"));
        as(ivo.token()).get(LIST).then().statusCode(403);
        as(NORTH_ADMIN).get(LIST).then().statusCode(403);
        as(ivo.token()).body(Map.of("reason", "INACTIVE"))
                .post("/api/patients/" + ivo.id() + "/attention-acknowledgements").then().statusCode(403);
        as(NORTH_CHIRO).get("/api/patients/" + ned.id()).then().statusCode(200);
        as(NORTH_CHIRO).get(LIST).then().body("items.patientId", not(hasItem(ned.id())));
    }

    @Test
    @Order(2)
    void theClinicsPainRiseDecidesWhoIsUpInPain() {
        Map<String, Object> settings = as(NORTH_ADMIN).get("/api/clinic/settings").then().statusCode(200)
                .body("painRise", equalTo(2)).extract().as(Map.class);
        try {
            settings.put("painRise", 5);
            as(NORTH_ADMIN).body(settings).put("/api/clinic/settings").then().statusCode(200).body("painRise", equalTo(5));
            as(NORTH_CHIRO).get(LIST).then().statusCode(200)
                    .body("items.reasons.flatten().code", not(hasItem("PAIN_UP")));
            // a client that does not know the field (an older web-ui) leaves it as it is
            settings.remove("painRise");
            as(NORTH_ADMIN).body(settings).put("/api/clinic/settings").then().statusCode(200).body("painRise", equalTo(5));
            settings.put("painRise", 11);
            as(NORTH_ADMIN).body(settings).put("/api/clinic/settings").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("detail", containsString("painRise"));
        } finally {
            settings.put("painRise", 2);
            as(NORTH_ADMIN).body(settings).put("/api/clinic/settings").then().statusCode(200);
        }
    }

    @Test
    @Order(5) // adds two patients to north's list
    void aQuestionnaireWorseByItsMcidAndAMonitoringPeriodOutOfReachAreReasonsToo() throws Exception {
        EnrolledPatient oli = enrol(NORTH_CHIRO, NORTH, "Oli", "Europe/Berlin");
        mo = enrol(NORTH_CHIRO, NORTH, "Mo", "Europe/Berlin");
        LocalDate t = oli.today();
        String olisPlan = prescribe(NORTH_CHIRO, oli.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(2), 1)));
        checkIn(oli, olisPlan, t.minusDays(1), 3);
        checkIn(oli, olisPlan, t, 3);
        String assignment = as(NORTH_CHIRO).body(Map.of("instrument", "NPRS"))
                .post("/api/patients/" + oli.id() + "/assessments").then().statusCode(201).extract().path("id");
        // two earlier answers, 2 then 6 (NPRS: lower is better, MCID 2): straight into the table, as the API
        // takes answers only for the occasion that is due
        answer(assignment, oli.id(), t.minusDays(14), 2);
        answer(assignment, oli.id(), t.minusDays(7), 6);

        String mosPlan = prescribe(NORTH_CHIRO, mo.id(), fromRoutine("mid-back-relief", schedule(t, 1)));
        checkIn(mo, mosPlan, t, 3);
        insertCheckOff(mo.id(), mosPlan, t.minusDays(20)); // the period began 20 days ago: 2 + 10 days left < 16
        as(NORTH_CHIRO).get(LIST).then().body("items.patientId", not(hasItem(mo.id()))); // no time logged: not monitored
        as(NORTH_CHIRO).body(Map.of("minutes", 10, "date", t.toString(), "interactive", true))
                .post("/api/patients/" + mo.id() + "/rtm/time").then().statusCode(201);

        List<Map<String, Object>> items = as(NORTH_CHIRO).get(LIST + "?size=100").then().statusCode(200)
                .extract().path("items");
        assertThat(items).filteredOn(i -> oli.id().equals(i.get("patientId"))).singleElement()
                .satisfies(i -> assertThat(i.get("reasons").toString()).contains("OUTCOME_WORSE",
                        "worse by at least its minimal clinically important difference (2): 2 at the start, 6 lately"));
        assertThat(items).filteredOn(i -> mo.id().equals(i.get("patientId"))).singleElement()
                .satisfies(i -> assertThat(i.get("reasons").toString()).contains("MONITORING_AT_RISK",
                        "Monitoring period " + t.minusDays(20) + " to " + t.plusDays(9) + ": 2 days with data, 16 (98977)"
                                + " can no longer be reached"));
    }

    @Test
    @Order(6) // after Mo is in remote monitoring
    void thePatientPdfShowsTheOpenReasonsWithWhoAcknowledgedThemAndTheMonitoringCountsWithTheirRules() throws Exception {
        as(NORTH_CHIRO).body(Map.of("reason", "MONITORING_AT_RISK"))
                .post("/api/patients/" + mo.id() + "/attention-acknowledgements").then().statusCode(201);

        PdfText pdf = PdfText.of(as(NORTH_CHIRO).get("/api/reports/patients/" + mo.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray());
        String text = pdf.text().replaceAll("\\s+", " ");
        assertThat(text).contains("Needs attention (today)", "Monitoring period " + mo.today().minusDays(20),
                "Acknowledged", "by ", "Needs attention when: pain up", "by 2 points or more",
                "no session for 5 days", "An acknowledged reason stays off the list for 7 days")
                .doesNotContain("not yet");
        assertThat(text).contains("Remote monitoring (counts, not a billing decision)",
                mo.today().minusDays(20) + " to " + mo.today().plusDays(9), "A monitoring period is 30 days",
                "qualify only if at least one entry", "98979", "Spinewise counts; the clinic decides what to bill.");
        assertThat(pdf.pages()).isLessThanOrEqualTo(2);

        String adas = PdfText.of(as(NORTH_CHIRO).get("/api/reports/patients/" + ada.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray()).text();
        assertThat(adas).contains("No reason open today.");
        String neds = PdfText.of(as(NORTH_ADMIN).get("/api/reports/patients/" + ned.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray()).text();
        assertThat(neds).contains("Not on the attention list: no active plan.");
        String ivos = PdfText.of(as(NORTH_CHIRO).get("/api/reports/patients/" + ivo.id() + ".pdf").then()
                .statusCode(200).extract().asByteArray()).text().replaceAll("\\s+", " ");
        assertThat(ivos).contains("No session yet (clinic's limit: 5 days)", "not yet");
    }

    private void answer(String assignment, String patientId, LocalDate due, int pain) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO assessment_response (id, assignment_id, patient_id, clinic_id, instrument, due_date,
                    answered_at, answered_on, answers, score, idempotency_key, request_hash)
                VALUES (gen_random_uuid(), ?, ?, ?, 'NPRS', ?, now(), ?, CAST(? AS jsonb), ?, gen_random_uuid()::text,
                        'test')""")) {
            s.setObject(1, UUID.fromString(assignment));
            s.setObject(2, UUID.fromString(patientId));
            s.setString(3, NORTH);
            s.setObject(4, due);
            s.setObject(5, due);
            s.setString(6, "[{\"item\":\"pain\",\"value\":" + pain + "}]");
            s.setInt(7, pain);
            s.executeUpdate();
        }
    }

    private void insertCheckOff(String patientId, String planId, LocalDate day) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              idempotency_key, request_hash)
                VALUES (gen_random_uuid(), ?, ?, ?, ?, 1, '[]', gen_random_uuid()::text, 'test')""")) {
            s.setString(1, NORTH);
            s.setObject(2, UUID.fromString(patientId));
            s.setObject(3, UUID.fromString(planId));
            s.setObject(4, day);
            s.executeUpdate();
        }
    }

    private static void checkIn(EnrolledPatient p, String plan, LocalDate day, int painBefore) {
        Map<String, Object> body = checkOff(plan, day, 1);
        body.put("painBefore", painBefore);
        as(p.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/me/sessions").then().statusCode(201);
    }
}
