package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.plan.data.AdherenceDays;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.prescribe;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Edges of the adherence rule, kept here as fast checks: the first two were found by the
 * end-to-end oracle ({@code e2e-tests/.../AdherenceOracleIT}), the last one pins the patient's
 * today at daylight-saving changes, which a run at the current instant cannot reach. Histories
 * older than the API accepts are moved back in time with SQL.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdherenceEdgesTest {

    /** plan-service's default {@code spinewise.plan.dashboard.streak-horizon-days}. */
    private static final int HORIZON = 90;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceDays adherenceDays;

    @Test
    void aPlanThatStartsNextWeekHasNothingScheduledYetInsteadOfARefusedWindow() {
        EnrolledPatient zoe = enrol(NORTH_CHIRO, NORTH, "Zoe", "Pacific/Kiritimati");
        prescribe(NORTH_CHIRO, zoe.id(), fromRoutine("mid-back-relief", schedule(zoe.today().plusDays(7), 1)));

        as(NORTH_CHIRO).get("/api/patients/" + zoe.id() + "/adherence?days=true").then().statusCode(200)
                .body("to", equalTo(zoe.today().toString()))
                .body("scheduled", equalTo(0))
                .body("percentage", nullValue());
        as(zoe.token()).get("/api/me/adherence").then().statusCode(200).body("scheduled", equalTo(0));
        // the patient's own download includes the same figures
        as(zoe.token()).get("/api/me/export").then().statusCode(200).body("adherence.scheduled", equalTo(0));
    }

    @Test
    void aStreakThatBeganBeforeTheDashboardHorizonIsShownAsAtLeastEvenWhenTheHorizonStartsOnARestDay()
            throws SQLException {
        EnrolledPatient hal = enrol(NORTH_CHIRO, NORTH, "Hal", "UTC");
        LocalDate today = hal.today();
        DayOfWeek rest = today.minusDays(HORIZON - 1).getDayOfWeek();
        DayOfWeek[] days = Arrays.stream(DayOfWeek.values()).filter(d -> d != rest).toArray(DayOfWeek[]::new);
        String halsPlan = prescribe(NORTH_CHIRO, hal.id(), fromRoutine("mid-back-relief", schedule(today, 1, days)));
        movePlanBack(halsPlan, today.minusDays(120), null);
        checkOffEveryDay(hal.id(), halsPlan, today.minusDays(120), today.minusDays(1));

        // a plan completed before the horizon: no day inside it can show where the streak ends
        EnrolledPatient kim = enrol(NORTH_CHIRO, NORTH, "Kim", "UTC");
        String kimsPlan = prescribe(NORTH_CHIRO, kim.id(), fromRoutine("mid-back-relief", schedule(today, 1)));
        movePlanBack(kimsPlan, today.minusDays(120), today.minusDays(100));
        checkOffEveryDay(kim.id(), kimsPlan, today.minusDays(120), today.minusDays(100));

        // begun inside the horizon: the streak is known exactly
        EnrolledPatient lou = enrol(NORTH_CHIRO, NORTH, "Lou", "UTC");
        String lousPlan = prescribe(NORTH_CHIRO, lou.id(), fromRoutine("mid-back-relief", schedule(today, 1)));
        movePlanBack(lousPlan, today.minusDays(20), null);
        checkOffEveryDay(lou.id(), lousPlan, today.minusDays(20), today.minusDays(1));

        long halsDaysInHorizon = today.minusDays(HORIZON - 1).datesUntil(today).filter(d -> d.getDayOfWeek() != rest)
                .count();
        String row = "items.find { it.patientId == '%s' }.";
        as(NORTH_CHIRO).get("/api/dashboard?size=100").then().statusCode(200)
                .body(row.formatted(hal.id()) + "streak", equalTo((int) halsDaysInHorizon))
                .body(row.formatted(hal.id()) + "streakAtLeast", equalTo(true))
                .body(row.formatted(kim.id()) + "streak", equalTo(0))
                .body(row.formatted(kim.id()) + "streakAtLeast", equalTo(true))
                .body(row.formatted(lou.id()) + "streak", equalTo(20))
                .body(row.formatted(lou.id()) + "streakAtLeast", equalTo(false));
    }

    @Test
    void theSqlTakesThePatientsLocalDateAtDaylightSavingChangesAsJavaTimeDoes() throws SQLException {
        List<String> zones = List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Apia", "UTC");
        List<UUID> patients = new ArrayList<>();
        for (String zone : zones) {
            patients.add(insertPatient(ZoneId.of(zone)));
        }
        List<Instant> instants = List.of(Instant.parse("2026-03-08T04:59:59Z"), Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-08T07:00:00Z"), Instant.parse("2026-03-09T03:59:59Z"),
                Instant.parse("2026-03-09T04:00:00Z"), Instant.parse("2026-03-28T22:59:59Z"),
                Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T21:59:59Z"),
                Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-10-24T21:59:59Z"),
                Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T22:59:59Z"),
                Instant.parse("2026-10-25T23:00:00Z"), Instant.parse("2026-04-04T13:00:00Z"),
                Instant.parse("2026-04-04T13:29:59Z"), Instant.parse("2026-10-03T13:00:00Z"));
        for (Instant instant : instants) {
            for (int i = 0; i < zones.size(); i++) {
                LocalDate javaToday = instant.atZone(ZoneId.of(zones.get(i))).toLocalDate();
                List<AdherenceDays.PatientDay> days = adherenceDays.ofPatient(instant, NORTH, patients.get(i),
                        javaToday.minusDays(2), javaToday.plusDays(2));
                assertThat(days.get(days.size() - 1).date()).as(zones.get(i) + " at " + instant).isEqualTo(javaToday);
            }
        }
    }

    /** Moves a new plan's only version (and so its start) back to {@code from}, optionally closed on {@code until}. */
    private void movePlanBack(String planId, LocalDate from, LocalDate until) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE plan_version SET effective_from = ?, start_date = ?, effective_until = ? WHERE plan_id = ?")) {
            s.setObject(1, from);
            s.setObject(2, from);
            s.setObject(3, until);
            s.setObject(4, UUID.fromString(planId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private void checkOffEveryDay(String patientId, String planId, LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              idempotency_key, request_hash)
                SELECT gen_random_uuid(), ?, ?, ?, d::date, 1, '[]', gen_random_uuid()::text, 'test'
                FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') AS g(d)""")) {
            s.setString(1, NORTH);
            s.setObject(2, UUID.fromString(patientId));
            s.setObject(3, UUID.fromString(planId));
            s.setObject(4, from);
            s.setObject(5, to);
            s.executeUpdate();
        }
    }

    private UUID insertPatient(ZoneId zone) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, NORTH);
            s.setString(3, UUID.randomUUID().toString());
            s.setString(4, "Zone");
            s.setString(5, zone.getId());
            s.setString(6, zone.getId());
            s.executeUpdate();
        }
        return id;
    }
}
