package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.plan.data.AdherenceRollup;
import io.spinewise.plan.data.DashboardFigures;
import io.spinewise.plan.data.RollupChecks;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Fixtures.fromRoutine;
import static io.spinewise.plan.Fixtures.prescribe;
import static io.spinewise.plan.Fixtures.schedule;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every write of the service that changes a day's adherence figures, made on a day the rollup has already
 * settled (settled here through tomorrow, which the job never does): the write moves the patient's settled
 * day back before it in the same transaction, the kept rows stay the live ones and the dashboard's figures
 * equal the live computation, before and after settling again. A write path that bypassed the rollup would
 * leave a stale row here. Then, settled through yesterday (the smallest margin), a check-off logged late for
 * yesterday shows on the very next dashboard read.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdherenceRollupWritesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceRollup rollup;

    @Inject
    DashboardFigures figures;

    @Test
    void everyWriteThatChangesASettledDayMovesTheRollupBackAndTheDashboardStaysTheLiveOne() throws SQLException {
        EnrolledPatient pia = enrol(NORTH_CHIRO, NORTH, "Pia", "Pacific/Kiritimati");
        UUID id = UUID.fromString(pia.id());
        LocalDate today = pia.today();
        String plan = prescribe(NORTH_CHIRO, pia.id(), fromRoutine("mid-back-relief", schedule(today.minusDays(7), 2)));
        exact(id);

        written("a prescription starting in the past", id, today.minusDays(6), () ->
                prescribe(NORTH_CHIRO, pia.id(), fromRoutine("mid-back-relief", schedule(today.minusDays(6), 1))));
        written("a check-off logged late", id, today.minusDays(7), () -> post(pia, checkOff(plan, today.minusDays(7), 1)));
        AtomicReference<String> todays = new AtomicReference<>();
        written("a check-off today", id, today, () -> todays.set(post(pia, checkOff(plan, today, 1))));
        written("an undo", id, today, () ->
                as(pia.token()).delete("/api/me/sessions/" + todays.get()).then().statusCode(204));
        Instant performed = Instant.now().minus(3, ChronoUnit.DAYS);
        LocalDate performedOn = LocalDate.ofInstant(performed, pia.zone());
        written("a check-off done offline", id, performedOn, () -> {
            Map<String, Object> body = checkOff(plan, performedOn, 2);
            body.put("performedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(performed.atZone(pia.zone())));
            post(pia, body);
        });
        written("an edit", id, today, () -> as(NORTH_CHIRO).body(Map.of("schedule", schedule(today, 1)))
                .patch("/api/plans/" + plan).then().statusCode(200));
        written("a pause", id, today, () -> status(plan, "PAUSED"));
        written("a resume", id, today, () -> status(plan, "ACTIVE"));

        // a zone behind the old one: no stored day moves, but the patient's today is a day earlier now
        as(NORTH_CHIRO).body(Map.of("timeZone", "Pacific/Pago_Pago")).patch("/api/patients/" + pia.id())
                .then().statusCode(200);
        exact(id);
        LocalDate newToday = LocalDate.now(ZoneId.of("Pacific/Pago_Pago"));
        written("a check-off on the new zone's today", id, newToday, () -> post(pia, checkOff(plan, newToday, 1)));
        written("a completion", id, newToday, () -> status(plan, "COMPLETED"));
    }

    @Test
    void aLateCheckOffOnASettledDayShowsOnTheNextDashboardRead() throws SQLException {
        EnrolledPatient lea = enrol(NORTH_CHIRO, NORTH, "Leandra", "Europe/Berlin");
        UUID id = UUID.fromString(lea.id());
        LocalDate today = lea.today();
        String plan = prescribe(NORTH_CHIRO, lea.id(), fromRoutine("mid-back-relief", schedule(today.minusDays(7), 1)));
        settleThroughYesterday();
        assertThat(rollup.settledThrough(id)).as("settled through yesterday").isEqualTo(today.minusDays(1));
        dashboard(lea, 0, 0);

        post(lea, checkOff(plan, today.minusDays(1), 1));
        assertThat(rollup.settledThrough(id)).as("moved back by the late check-off").isBefore(today.minusDays(1));
        dashboard(lea, 1, 1); // no settling in between: the day moved back is computed live
        exact(id);

        settleThroughYesterday();
        assertThat(rollup.settledThrough(id)).isEqualTo(today.minusDays(1));
        dashboard(lea, 1, 1); // settled again, now with the check-off
        exact(id);
    }

    /** The patient's row of the dashboard: seven days scheduled (one session a day), so many completed, the streak. */
    private static void dashboard(EnrolledPatient who, int completed7, int streak) {
        String row = "items.find { it.patientId == '" + who.id() + "' }";
        as(NORTH_CHIRO).get("/api/dashboard?q=leandra").then().statusCode(200)
                .body(row + ".last7Days.scheduled", equalTo(7))
                .body(row + ".last7Days.completed", equalTo(completed7))
                .body(row + ".streak", equalTo(streak));
    }

    /** Margin 1, the smallest a reader allows (today is always live): a late check-off lands on a settled day. */
    private void settleThroughYesterday() {
        while (rollup.settle(Instant.now(), 1, 100) > 0) {
            // next batch
        }
    }

    private void written(String what, UUID patient, LocalDate changedDay, Runnable write) throws SQLException {
        settleThroughTomorrow();
        assertThat(rollup.settledThrough(patient)).as("settled before " + what).isAfterOrEqualTo(changedDay);
        write.run();
        assertThat(rollup.settledThrough(patient)).as("settled after " + what).isBefore(changedDay);
        exact(patient);
        settleThroughTomorrow();
        exact(patient);
    }

    private void exact(UUID patient) throws SQLException {
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        for (int horizon : new int[] {30, 90}) {
            RollupChecks.assertSameFigures(figures, List.of(patient), Instant.now(), horizon, 7);
        }
    }

    private void settleThroughTomorrow() {
        while (rollup.settle(Instant.now(), -1, 100) > 0) {
            // next batch
        }
    }

    private static String post(EnrolledPatient who, Map<String, Object> body) {
        return as(who.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/me/sessions").then().statusCode(201).extract().path("id");
    }

    private static void status(String plan, String status) {
        as(NORTH_CHIRO).body(Map.of("status", status)).patch("/api/plans/" + plan).then().statusCode(200);
    }
}
