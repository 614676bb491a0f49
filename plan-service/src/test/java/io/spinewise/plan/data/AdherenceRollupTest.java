package io.spinewise.plan.data;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.plan.CatalogServiceResource;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adherence rollup (V16, {@link AdherenceRollup}) against the live computation it replaces: random
 * histories (plans and their versions, weekday masks, pauses opened and closed, check-offs on any day, extra
 * slots, undos, dates moved), written straight in SQL as nothing in the service would (also far back, on days
 * already settled), settled at random instants and margins; after the writes the kept rows are the live rows
 * and the dashboard's figures and the clinic's CSV report (patient by patient) from the rollup are the live
 * ones, at instants around daylight-saving changes and in zones a day apart (a name a spreadsheet would run is
 * quoted alike). Then two writes at once, a write while settling, and a settling with tens of thousands of
 * patients behind.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdherenceRollupTest {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceRollup rollup;

    @Inject
    DashboardFigures figures;

    private final Random random = new Random(Long.getLong("rollup.seed", 15L));
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<UUID> patients = new ArrayList<>();
    private final List<Plan> plans = new ArrayList<>();
    private final List<UUID> checkOffs = new ArrayList<>();
    private int movedBack;

    private record Plan(UUID id, UUID patient) {
    }

    @Test
    void theDashboardAndReportFromTheRollupAreTheLiveOnesOverRandomHistories() throws SQLException, IOException {
        for (int i = 0; i < 10; i++) {
            UUID patient = patient(ZONES.get(i % ZONES.size()));
            plan(patient);
            if (i % 2 == 0) {
                plan(patient);
            }
        }
        for (int step = 0; step < 400; step++) {
            long before = settledDays();
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> checkOff();
                case 3 -> undo();
                case 4 -> pause();
                case 5 -> resume();
                case 6 -> edit();
                case 7 -> rawVersionChange();
                case 8 -> moveCheckOff();
                default -> settle();
            }
            if (settledDays() < before) {
                movedBack++;
            }
            if (step % 5 == 4) {
                check();
            }
        }
        settle();
        check();
        assertThat(movedBack).as("writes that moved a settled day back").isGreaterThan(20);
    }

    @Test
    void twoWritesAtOnceBothMoveTheSettledDayBackAndTheLaterWaits() throws Exception {
        UUID patient = patient("Europe/Berlin");
        Plan plan = plan(patient);
        settleAll(-1);
        assertThat(rollup.settledThrough(patient)).isAfter(today);

        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            insertCheckOff(first, plan, today.minusDays(3), 1);
            int secondPid = pid(second);
            CompletableFuture<Void> later = CompletableFuture.runAsync(() -> {
                try {
                    insertCheckOff(second, plan, today.minusDays(5), 1);
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            waitUntilWaitingForALock(secondPid);
            assertThat(later).isNotDone();
            first.commit();
            later.get();
        }
        assertThat(rollup.settledThrough(patient)).isEqualTo(today.minusDays(6));
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        settleAll(-1);
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
    }

    @Test
    void settlingPassesOverAPatientBeingWrittenAndAWriteWaitsForASettling() throws Exception {
        UUID patient = patient("Pacific/Kiritimati");
        Plan plan = plan(patient);
        settleAll(2);
        LocalDate settled = rollup.settledThrough(patient);

        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertCheckOff(writer, plan, settled.minusDays(10), 1);
            // the writer holds the patient's rollup row: settling leaves the patient for later
            while (rollup.settle(Instant.now(), -1, 100) > 0) {
                // others
            }
            assertThat(rollup.settledThrough(patient)).isEqualTo(settled);
            writer.commit();
        }
        assertThat(rollup.settledThrough(patient)).isEqualTo(settled.minusDays(11));
        settleAll(-1);
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();

        // a check-off after the settled days moves nothing, so it locks no row (V20): its advisory lock alone
        // keeps a settling that would pass its day from reading the patient before it commits
        try (Connection c = dataSource.getConnection()) {
            insertCheckOff(c, plan, settled.minusDays(20), 3); // back before the settled days
        }
        settleAll(2);
        settled = rollup.settledThrough(patient);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insertCheckOff(writer, plan, settled.plusDays(1), 2);
            while (rollup.settle(Instant.now(), -1, 100) > 0) {
                // others
            }
            assertThat(rollup.settledThrough(patient)).as("left for later while the insert is open").isEqualTo(settled);
            writer.commit();
        }
        settleAll(-1);
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        RollupChecks.assertSameFigures(figures, List.of(patient), Instant.now(), 90, 7);

        // writes racing settlings: whatever the order, nothing kept goes stale
        CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
            Random r = new Random(7);
            for (int i = 0; i < 150; i++) {
                try (Connection c = dataSource.getConnection()) {
                    insertCheckOff(c, plan, today.minusDays(r.nextInt(60)), 1 + r.nextInt(12));
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        while (!writes.isDone()) {
            rollup.settle(Instant.now(), -1, 100);
        }
        writes.get();
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        settleAll(-1);
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        RollupChecks.assertSameFigures(figures, List.of(patient), Instant.now(), 90, 7);
    }

    @Test
    void aSettlingLocksTheKeysOfItsBatchOnlyWhenTensOfThousandsOfPatientsAreBehind() throws SQLException {
        // after midnight every patient is behind; a lock per patient in one transaction ran out of shared memory
        // (the lock table holds max_locks_per_transaction × max_connections: 64 × 300 here). Whether the old statement
        // tried every key depended on its plan: on the bench's analysed tables it did, here it may take the ordered one
        // and pass, so this guards the statement as written rather than proving the old one wrong.
        update("""
                INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone)
                SELECT gen_random_uuid(), 'crowd', 'crowd-' || i, 'C', 'Crowd', 'UTC' FROM generate_series(1, 30000) i""");
        try {
            assertThat(rollup.settle(Instant.now(), 1, 100)).isEqualTo(100);
        } finally {
            // out of the other tests' way: never behind (the service may not delete patients or rollup rows)
            update("""
                    UPDATE adherence_rollup r SET settled_through = '9999-12-31' FROM patient p
                    WHERE p.id = r.patient_id AND p.clinic_id = 'crowd'""");
        }
    }

    private void check() throws SQLException, IOException {
        assertThat(RollupChecks.staleRows(dataSource)).isEmpty();
        for (Instant now : instants()) {
            for (int horizon : new int[] {30, 90, 450}) {
                RollupChecks.assertSameFigures(figures, patients, now, horizon, 1 + random.nextInt(20));
            }
            LocalDate from = today.minusDays(random.nextInt(480));
            RollupChecks.assertSameReport(dataSource, "north", random.nextInt(4) == 0 ? "test" : null, now, from,
                    from.plusDays(random.nextInt(500)));
        }
    }

    /** Now, a day either side, and the last daylight-saving change of two zones with DST, a minute either side. */
    private List<Instant> instants() {
        Instant now = Instant.now();
        List<Instant> instants = new ArrayList<>(List.of(now, now.minus(Duration.ofHours(25)),
                now.plus(Duration.ofHours(23))));
        for (String zone : List.of("Europe/Berlin", "Australia/Lord_Howe")) {
            Instant change = ZoneId.of(zone).getRules().previousTransition(now).getInstant();
            instants.add(change.minusSeconds(60));
            instants.add(change.plusSeconds(60));
        }
        return List.of(instants.get(random.nextInt(instants.size())), instants.get(random.nextInt(instants.size())));
    }

    private void settle() {
        Instant now = Instant.now().plus(Duration.ofHours(random.nextInt(49) - 24));
        int margin = random.nextInt(16) - 3;
        int batch = 1 + random.nextInt(4);
        while (rollup.settle(now, margin, batch) > 0) {
            // next batch
        }
    }

    private void settleAll(int margin) {
        while (rollup.settle(Instant.now(), margin, 100) > 0) {
            // next batch
        }
    }

    private void checkOff() throws SQLException {
        Plan plan = pick(plans);
        try (Connection c = dataSource.getConnection()) {
            insertCheckOff(c, plan, today.minusDays(random.nextInt(470) - 3), 1 + random.nextInt(3));
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void insertCheckOff(Connection c, Plan plan, LocalDate day, int slot) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              idempotency_key, request_hash, pain_before)
                VALUES (?, 'north', ?, ?, ?, ?, '[]', ?, 'x', 4)""")) {
            s.setObject(1, id);
            s.setObject(2, plan.patient());
            s.setObject(3, plan.id());
            s.setObject(4, day);
            s.setInt(5, slot);
            s.setString(6, id.toString());
            s.executeUpdate();
        }
        checkOffs.add(id);
    }

    private void undo() throws SQLException {
        if (!checkOffs.isEmpty()) {
            update("UPDATE session_checkoff SET undone_at = now() WHERE id = ?", pick(checkOffs));
        }
    }

    private void moveCheckOff() throws SQLException {
        if (checkOffs.isEmpty()) {
            return;
        }
        try {
            update("UPDATE session_checkoff SET session_date = session_date + ? WHERE id = ?",
                    random.nextInt(7) - 3, pick(checkOffs));
        } catch (IllegalStateException e) {
            // the slot is taken on the other day
        }
    }

    private void pause() throws SQLException {
        LocalDate from = today.minusDays(random.nextInt(450));
        LocalDate until = random.nextBoolean() ? null : from.plusDays(random.nextInt(40) - 1);
        update("INSERT INTO plan_pause (id, plan_id, paused_from, paused_until) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), pick(plans).id(), from, until);
    }

    private void resume() throws SQLException {
        update("""
                UPDATE plan_pause SET paused_until = paused_from + ?
                WHERE id = (SELECT id FROM plan_pause WHERE plan_id = ? AND paused_until IS NULL LIMIT 1)""",
                random.nextInt(60) - 1, pick(plans).id());
    }

    /** As the service edits (the current version closed the day before the new one), on any day. */
    private void edit() throws SQLException {
        Plan plan = pick(plans);
        LocalDate from = today.minusDays(random.nextInt(400) - 2);
        update("""
                UPDATE plan_version SET effective_until = greatest(effective_from, CAST(? AS date)) - 1
                WHERE plan_id = ? AND effective_until IS NULL""", from, plan.id());
        update("""
                INSERT INTO plan_version (plan_id, version, effective_from, start_date, end_date, days_mask,
                                          sessions_per_day, items, created_by)
                SELECT ?, max(version) + 1, greatest(max(effective_until) + 1, CAST(? AS date)), min(start_date),
                       greatest(CAST(? AS date), min(start_date)) + CAST(? AS int), ?, ?, '[]', 'test'
                FROM plan_version WHERE plan_id = ?""",
                plan.id(), from, from, random.nextBoolean() ? null : 30 + random.nextInt(300),
                1 + random.nextInt(127), 1 + random.nextInt(3), plan.id());
    }

    private void rawVersionChange() throws SQLException {
        Plan plan = pick(plans);
        switch (random.nextInt(3)) {
            case 0 -> update("UPDATE plan_version SET days_mask = ? WHERE plan_id = ? AND version = 1",
                    1 + random.nextInt(127), plan.id());
            case 1 -> update("UPDATE plan_version SET sessions_per_day = ? WHERE plan_id = ? AND version = 1",
                    1 + random.nextInt(4), plan.id());
            default -> update("""
                    UPDATE plan_version SET start_date = start_date + ?
                    WHERE plan_id = ? AND version = 1 AND (end_date IS NULL OR end_date > start_date + 20)""",
                    random.nextInt(21) - 10, plan.id());
        }
    }

    private UUID patient(String zone) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES (?, 'north', ?, ?, 'Rollup', ?)",
                id, "rollup-" + id, (patients.size() % 4 == 3 ? "=P" : "P") + patients.size(), zone);
        patients.add(id);
        return id;
    }

    private Plan plan(UUID patient) throws SQLException {
        Plan plan = new Plan(UUID.randomUUID(), patient);
        update("""
                INSERT INTO plan (id, clinic_id, patient_id, title, status, current_version, created_by)
                VALUES (?, 'north', ?, 'Random', 'ACTIVE', 1, 'test')""", plan.id(), patient);
        LocalDate start = today.minusDays(random.nextInt(460));
        update("""
                INSERT INTO plan_version (plan_id, version, effective_from, start_date, end_date, days_mask,
                                          sessions_per_day, items, created_by)
                VALUES (?, 1, ?, ?, ?, ?, ?, '[]', 'test')""", plan.id(), start, start,
                random.nextInt(4) == 0 ? start.plusDays(random.nextInt(200)) : null, 1 + random.nextInt(127),
                1 + random.nextInt(3));
        plans.add(plan);
        return plan;
    }

    /** All patients' settled days added up: it only goes down when a write moved one back. */
    private long settledDays() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(settled_through - date '2000-01-01'), 0) FROM adherence_rollup"
                        + " WHERE settled_through > '-infinity'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IllegalStateException(e);
            }
            throw e;
        }
    }

    private int pid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void waitUntilWaitingForALock(int pid) throws SQLException, InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")) {
                s.setInt(1, pid);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && "Lock".equals(rs.getString(1))) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second write never waited for the first");
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
