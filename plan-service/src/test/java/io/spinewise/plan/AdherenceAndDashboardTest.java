package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.spinewise.common.security.Roles;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
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
import static io.spinewise.plan.Users.SOUTH_ADMIN;
import static io.spinewise.plan.Users.SOUTH_CHIRO;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Adherence figures over HTTP and the clinic dashboard with its flags, with the access matrix. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdherenceAndDashboardTest {

    @Inject
    AgroalDataSource dataSource;

    private static EnrolledPatient ada;
    private static EnrolledPatient ivo;
    private static EnrolledPatient sam;
    private static String adasPlan;

    /**
     * Ada: daily since 3 days ago, done 3 days ago, 2 days ago and today (pain 8 → 4), missed
     * yesterday. Ivo: daily since 7 days ago, never done. Sam: south.
     */
    @BeforeEach
    void historiesOfThreePatients() {
        if (ada != null) {
            return;
        }
        ada = enrol(NORTH_CHIRO, NORTH, "Ada", "America/New_York");
        ivo = enrol(NORTH_CHIRO, NORTH, "Ivo", "Europe/Vienna");
        sam = enrol(SOUTH_CHIRO, SOUTH, "Sam", "Australia/Perth");
        LocalDate t = ada.today();
        adasPlan = prescribe(NORTH_CHIRO, ada.id(), fromRoutine("mid-back-relief", schedule(t.minusDays(3), 1)));
        int[] befores = {8, 6, 4};
        LocalDate[] days = {t.minusDays(3), t.minusDays(2), t};
        for (int i = 0; i < days.length; i++) {
            Map<String, Object> body = checkOff(adasPlan, days[i], 1);
            body.put("painBefore", befores[i]);
            body.put("painAfter", befores[i] - 1);
            as(ada.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .post("/api/me/sessions").then().statusCode(201);
        }
        prescribe(NORTH_CHIRO, ivo.id(), fromRoutine("mid-back-relief", schedule(ivo.today().minusDays(7), 1)));
        prescribe(SOUTH_CHIRO, sam.id(), fromRoutine("mid-back-relief", schedule(sam.today(), 1)));
    }

    @Test
    void adherenceFollowsTheRuleAndShowsItsFormula() {
        as(NORTH_CHIRO).get("/api/patients/" + ada.id() + "/adherence?days=true").then().statusCode(200)
                .body("from", equalTo(ada.today().minusDays(3).toString()))
                .body("to", equalTo(ada.today().toString()))
                .body("scheduled", equalTo(4))
                .body("completed", equalTo(3))
                .body("percentage", equalTo(75.0f))
                .body("currentStreak", equalTo(1))
                .body("longestStreak", equalTo(2))
                .body("lastSession", equalTo(ada.today().toString()))
                .body("pain.latest", equalTo(3))
                .body("pain.change", equalTo(-4.0f))
                .body("formula", containsString("completed / scheduled"))
                .body("days", hasSize(4))
                .body("days[1].completed", equalTo(1))
                .body("days[2].completed", equalTo(0));
        as(ada.token()).get("/api/me/adherence?from=" + ada.today().minusDays(1) + "&to=" + ada.today().plusDays(5))
                .then().statusCode(200)
                .body("scheduled", equalTo(2))
                .body("completed", equalTo(1))
                .body("to", equalTo(ada.today().toString()))
                .body("days", nullValue());
        as(ada.token()).get("/api/plans/" + adasPlan + "/adherence").then().statusCode(200)
                .body("planId", equalTo(adasPlan))
                .body("scheduled", equalTo(4));
    }

    @Test
    void adherenceIsVisibleToThePatientAndTheirClinicOnly() {
        as(NORTH_CHIRO).get("/api/patients/" + ada.id() + "/adherence").then().statusCode(200);
        // administrators see a patient's figures in the reports, not through the chiropractor's reads
        as(NORTH_ADMIN).get("/api/patients/" + ada.id() + "/adherence").then().statusCode(403);
        as(SOUTH_CHIRO).get("/api/patients/" + ada.id() + "/adherence").then().statusCode(404).contentType(PROBLEM_JSON);
        as(SOUTH_CHIRO).get("/api/plans/" + adasPlan + "/adherence").then().statusCode(404);
        as(ivo.token()).get("/api/plans/" + adasPlan + "/adherence").then().statusCode(404);
        as(ivo.token()).get("/api/patients/" + ada.id() + "/adherence").then().statusCode(403);
        as(NORTH_CHIRO).get("/api/me/adherence").then().statusCode(403);
        anonymous().get("/api/me/adherence").then().statusCode(401).contentType(PROBLEM_JSON);
        anonymous().get("/api/dashboard").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void badWindowsAreRefused() {
        as(ada.token()).get("/api/me/adherence?from=2026-05-10&to=2026-05-01").then().statusCode(400)
                .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("to"));
        as(ada.token()).get("/api/me/adherence?from=yesterday").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(ada.token()).get("/api/me/adherence?from=1990-01-01").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void theDashboardListsTheClinicsPatientsWithTheirFiguresAndFlags() {
        as(NORTH_CHIRO).get("/api/dashboard?size=100").then().statusCode(200)
                .body("items.patientId", hasItem(ada.id()))
                .body("items.patientId", hasItem(ivo.id()))
                .body("items.patientId", not(hasItem(sam.id())))
                .body("items.find { it.patientId == '" + ada.id() + "' }.last7Days.scheduled", equalTo(4))
                .body("items.find { it.patientId == '" + ada.id() + "' }.last7Days.completed", equalTo(3))
                .body("items.find { it.patientId == '" + ada.id() + "' }.last30Days.percentage", equalTo(75.0f))
                .body("items.find { it.patientId == '" + ada.id() + "' }.streak", equalTo(1))
                .body("items.find { it.patientId == '" + ada.id() + "' }.lastSession", equalTo(ada.today().toString()))
                .body("items.find { it.patientId == '" + ada.id() + "' }.latestPain", equalTo(3))
                .body("items.find { it.patientId == '" + ada.id() + "' }.painChange", equalTo(-4.0f))
                .body("items.find { it.patientId == '" + ada.id() + "' }.flags", empty())
                .body("items.find { it.patientId == '" + ivo.id() + "' }.last30Days.scheduled", equalTo(8))
                .body("items.find { it.patientId == '" + ivo.id() + "' }.last30Days.percentage", equalTo(0.0f))
                .body("items.find { it.patientId == '" + ivo.id() + "' }.flags", equalTo(List.of("LOW_ADHERENCE", "INACTIVE")));
        as(SOUTH_CHIRO).get("/api/dashboard").then().statusCode(200)
                .body("items.patientId", equalTo(List.of(sam.id())));
        as(NORTH_CHIRO).get("/api/dashboard?q=ada").then().statusCode(200).body("total", equalTo(1));
        as(NORTH_ADMIN).get("/api/dashboard").then().statusCode(403).contentType(PROBLEM_JSON);
        as(ada.token()).get("/api/dashboard").then().statusCode(403).contentType(PROBLEM_JSON);
        as(NORTH_CHIRO).get("/api/dashboard?size=101").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void theDashboardPagesByPositionBothWaysAndKeepsItsTotalWithoutCounting() {
        String clinic = "paging";
        String chiro = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
        List.of("Fay", "Bea", "Dan", "Cai", "Eve").forEach(name -> enrol(chiro, clinic, name, "UTC"));

        ExtractableResponse<Response> first = as(chiro).get("/api/dashboard?size=2").then().statusCode(200)
                .body("items.name", equalTo(List.of("Bea Tester", "Cai Tester"))).body("total", equalTo(5))
                .body("previous", nullValue()).body("next", notNullValue()).extract();
        ExtractableResponse<Response> second = as(chiro).get("/api/dashboard?size=2&page=1&after=" + first.path("next"))
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Dan Tester", "Eve Tester"))).body("page", equalTo(1))
                .body("total", equalTo(5)).body("previous", notNullValue()).extract();
        ExtractableResponse<Response> third = as(chiro).get("/api/dashboard?size=2&page=2&after=" + second.path("next"))
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Fay Tester"))).body("next", nullValue()).extract();
        ExtractableResponse<Response> back = as(chiro).get("/api/dashboard?size=2&page=1&before=" + third.path("previous"))
                .then().statusCode(200)
                .body("items.name", equalTo(List.of("Dan Tester", "Eve Tester")))
                .body("next", equalTo(second.path("next"))).body("previous", notNullValue()).extract();
        as(chiro).get("/api/dashboard?size=2&before=" + back.path("previous")).then().statusCode(200)
                .body("items.name", equalTo(List.of("Bea Tester", "Cai Tester"))).body("previous", nullValue())
                .body("next", equalTo(first.path("next")));
        // by number, as before: the same page, and the positions beside it
        as(chiro).get("/api/dashboard?size=2&page=2").then().statusCode(200)
                .body("items.name", equalTo(List.of("Fay Tester"))).body("next", nullValue())
                .body("previous", equalTo(third.path("previous")));

        // the total is the clinic's kept count (V24): it follows an enrolment at once
        enrol(chiro, clinic, "Gus", "UTC");
        as(chiro).get("/api/dashboard?size=2&page=2&after=" + second.path("next")).then().statusCode(200)
                .body("items.name", equalTo(List.of("Fay Tester", "Gus Tester"))).body("total", equalTo(6))
                .body("next", nullValue());
        as(chiro).get("/api/dashboard?q=fay").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void theRuntimeRoleReadsTheKeptPatientCountButCannotSetIt() throws SQLException {
        String clinic = "kept-count";
        String chiro = TestIssuer.token(Roles.CHIROPRACTOR, clinic);
        enrol(chiro, clinic, "Ida", "UTC");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : List.of("UPDATE clinic_patient_count SET patients = 999",
                    "DELETE FROM clinic_patient_count",
                    "INSERT INTO clinic_patient_count (clinic_id, patients) VALUES ('forged', 5)")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo("42501"));
            }
            try (ResultSet rs = s.executeQuery("SELECT patients FROM clinic_patient_count WHERE clinic_id = '"
                    + clinic + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
        // the enrolment, as the runtime role, still moves it (the triggers run as the schema owner)
        enrol(chiro, clinic, "Jo", "UTC");
        as(chiro).get("/api/dashboard").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aPositionTheListDidNotGiveIsABadRequest() {
        String notBase64 = "%%%";
        String oneName = Base64.getUrlEncoder().encodeToString("Tester".getBytes(StandardCharsets.UTF_8));
        String noId = Base64.getUrlEncoder().encodeToString("Tester\0Ada\0not-a-uuid".getBytes(StandardCharsets.UTF_8));
        for (String forged : List.of(notBase64, oneName, noId)) {
            as(NORTH_CHIRO).queryParam("after", forged).get("/api/dashboard").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("after"));
            as(NORTH_CHIRO).queryParam("before", forged).get("/api/dashboard").then().statusCode(400)
                    .contentType(PROBLEM_JSON).body("violations[0].field", equalTo("before"));
        }
        String next = as(NORTH_CHIRO).get("/api/dashboard?size=1").then().statusCode(200).extract().path("next");
        as(NORTH_CHIRO).queryParam("after", next).queryParam("before", next).get("/api/dashboard").then()
                .statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", equalTo("before"));
        as(NORTH_CHIRO).queryParam("after", "A".repeat(2000)).get("/api/dashboard").then().statusCode(400)
                .contentType(PROBLEM_JSON);
        // a position is only a place in the caller's own list: another clinic's reads its own patients from there
        as(SOUTH_CHIRO).queryParam("before", next).get("/api/dashboard").then().statusCode(200)
                .body("items.patientId", not(hasItem(ada.id()))).body("items.patientId", not(hasItem(ivo.id())));
    }

    @Test
    void aClinicSetsItsOwnThresholds() {
        as(NORTH_ADMIN).get("/api/clinic/settings").then().statusCode(200).body("painThreshold", equalTo(7));
        as(NORTH_CHIRO).get("/api/clinic/settings").then().statusCode(403);
        Map<String, Object> strict = Map.of("lowAdherencePercent", 80, "painThreshold", 3, "inactiveDays", 20);
        as(NORTH_CHIRO).body(strict).put("/api/clinic/settings").then().statusCode(403);
        as(ada.token()).body(strict).put("/api/clinic/settings").then().statusCode(403);
        as(NORTH_ADMIN).body(Map.of("lowAdherencePercent", 150, "painThreshold", 11, "inactiveDays", 0))
                .put("/api/clinic/settings").then().statusCode(400)
                .body("violations.field", hasItem("lowAdherencePercent"))
                .body("violations.field", hasItem("painThreshold"))
                .body("violations.field", hasItem("inactiveDays"));
        as(NORTH_ADMIN).body(strict).put("/api/clinic/settings").then().statusCode(200).body("painThreshold", equalTo(3));
        as(NORTH_CHIRO).get("/api/dashboard?q=ada").then().statusCode(200)
                .body("items[0].flags", equalTo(List.of("LOW_ADHERENCE", "PAIN")));
        as(SOUTH_ADMIN).get("/api/clinic/settings").then().body("painThreshold", equalTo(7));
        as(NORTH_ADMIN).body(Map.of("lowAdherencePercent", 60, "painThreshold", 7, "inactiveDays", 5))
                .put("/api/clinic/settings").then().statusCode(200);
    }
}
