package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.spinewise.common.paging.PageRequest;
import io.spinewise.plan.api.AdherenceView;
import io.spinewise.plan.api.DashboardRow;
import io.spinewise.plan.domain.Patient;
import io.spinewise.plan.service.AdherenceQueries;
import io.spinewise.plan.service.AdherenceService;
import io.spinewise.plan.service.DashboardService;
import io.spinewise.plan.service.PatientService;
import io.spinewise.plan.service.Today;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adherence rule held to a small, independent oracle on random histories: several plans
 * per patient, edits (versions), open and closed pauses, extra and undone check-offs,
 * check-offs on unscheduled days, time zones from UTC-11 to UTC+14. Three implementations
 * must agree day by day: this oracle, the Java rule behind {@code /adherence}, and the SQL
 * behind the CSV report; the dashboard's SQL must agree on its 7/30-day figures and streak.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AdherenceOracleTest {

    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceService adherence;

    @Inject
    AdherenceQueries queries;

    @Inject
    DashboardService dashboard;

    @Inject
    PatientService patients;

    @Inject
    Today today;

    // --- the oracle's own model of a history: plain rows, as inserted ---

    record Version(UUID plan, LocalDate effectiveFrom, LocalDate effectiveUntil, LocalDate start, LocalDate end,
                   Set<DayOfWeek> days, int sessions) {
    }

    record PauseRow(UUID plan, LocalDate from, LocalDate until) {
    }

    record CheckOffRow(UUID plan, LocalDate date, boolean undone) {
    }

    record History(UUID patientId, ZoneId zone, List<Version> versions, List<PauseRow> pauses, List<CheckOffRow> checkOffs) {
    }

    /** scheduled and completed of one day, straight from the definition in DESIGN.md. */
    static int[] oracleDay(History h, LocalDate day) {
        int scheduled = 0;
        int completed = 0;
        for (Version v : h.versions()) {
            boolean inForce = !day.isBefore(v.effectiveFrom()) && (v.effectiveUntil() == null || !day.isAfter(v.effectiveUntil()));
            boolean inPlan = !day.isBefore(v.start()) && (v.end() == null || !day.isAfter(v.end()));
            boolean paused = h.pauses().stream().anyMatch(p -> p.plan().equals(v.plan()) && !day.isBefore(p.from())
                    && (p.until() == null || !day.isAfter(p.until())));
            if (!inForce || !inPlan || paused || !v.days().contains(day.getDayOfWeek())) {
                continue;
            }
            long done = h.checkOffs().stream().filter(c -> c.plan().equals(v.plan()) && c.date().equals(day) && !c.undone())
                    .count();
            scheduled += v.sessions();
            completed += (int) Math.min(done, v.sessions());
        }
        return new int[] {scheduled, completed};
    }

    /** The streak by its definition: scheduled days, today only if complete, counted back while complete. */
    static int oracleStreak(History h, LocalDate from, LocalDate to, LocalDate today) {
        List<int[]> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to) && !d.isAfter(today); d = d.plusDays(1)) {
            int[] day = oracleDay(h, d);
            if (day[0] > 0 && !(d.equals(today) && day[1] < day[0])) {
                days.add(day);
            }
        }
        int streak = 0;
        for (int i = days.size() - 1; i >= 0 && days.get(i)[1] >= days.get(i)[0]; i--) {
            streak++;
        }
        return streak;
    }

    @Test
    void javaRuleSqlAndOracleAgreeOnRandomHistories() throws SQLException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String clinic = "oracle-" + UUID.randomUUID().toString().substring(0, 8);
        List<History> histories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            histories.add(randomHistory(random, clinic, ZoneId.of(ZONES.get(i % ZONES.size()))));
        }
        Instant now = today.now();
        for (History h : histories) {
            Patient patient = patients.find(clinic, h.patientId()).orElseThrow();
            LocalDate localToday = today.in(h.zone());
            LocalDate from = localToday.minusDays(random.nextInt(140));
            LocalDate to = random.nextBoolean() ? localToday.plusDays(3) : from.plusDays(random.nextInt(60));
            String context = "seed " + seed + ", patient " + h.patientId() + " (" + h.zone() + "), " + from + ".." + to;

            AdherenceView view = adherence.evaluate(patient, null, from, to, true);
            List<AdherenceQueries.PatientDay> sql = queries.dailyList(now, clinic, h.patientId(), from, to);
            LocalDate last = to.isBefore(view.today()) ? to : view.today();
            long scheduled = 0;
            long completed = 0;
            int index = 0;
            for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1), index++) {
                int[] expected = oracleDay(h, d);
                scheduled += expected[0];
                completed += expected[1];
                assertThat(view.days().get(index)).as(context + " java " + d)
                        .isEqualTo(new AdherenceView.Day(d, expected[0], expected[1]));
                assertThat(sql.get(index)).as(context + " sql " + d)
                        .isEqualTo(new AdherenceQueries.PatientDay(h.patientId(), d, expected[0], expected[1]));
            }
            assertThat(view.days()).as(context).hasSize(index);
            assertThat(sql).as(context).hasSize(index);
            assertThat(view.scheduled()).as(context).isEqualTo(scheduled);
            assertThat(view.completed()).as(context).isEqualTo(completed);
            assertThat(view.currentStreak()).as(context).isEqualTo(oracleStreak(h, from, to, view.today()));
        }

        List<DashboardRow> rows = dashboard.page(clinic, null, new PageRequest(0, 100)).items();
        assertThat(rows).hasSize(histories.size());
        for (History h : histories) {
            DashboardRow row = rows.stream().filter(r -> r.patientId().equals(h.patientId())).findFirst().orElseThrow();
            LocalDate t = today.in(h.zone());
            String context = "seed " + seed + ", dashboard of " + h.patientId() + " (" + h.zone() + ")";
            assertThat(row.last7Days()).as(context).isEqualTo(window(h, t.minusDays(6), t));
            assertThat(row.last30Days()).as(context).isEqualTo(window(h, t.minusDays(29), t));
            assertThat(row.streak()).as(context).isEqualTo(oracleStreak(h, t.minusDays(89), t, t));
            Patient patient = patients.find(clinic, h.patientId()).orElseThrow();
            assertThat(row.painChange()).as(context + " pain change")
                    .isEqualTo(adherence.evaluate(patient, null, t.minusDays(29), t, false).pain().change());
        }
    }

    @Test
    void sqlAndJavaAgreeOnTheLocalDateAtDaylightSavingChanges() throws SQLException {
        String clinic = "dst-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, UUID> byZone = new HashMap<>();
        for (String zone : List.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Apia", "UTC")) {
            byZone.put(zone, insertPatient(clinic, ZoneId.of(zone)));
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
            for (Map.Entry<String, UUID> e : byZone.entrySet()) {
                LocalDate javaToday = instant.atZone(ZoneId.of(e.getKey())).toLocalDate();
                List<AdherenceQueries.PatientDay> days = queries.dailyList(instant, clinic, e.getValue(),
                        javaToday.minusDays(2), javaToday.plusDays(2));
                assertThat(days.get(days.size() - 1).date()).as(e.getKey() + " at " + instant).isEqualTo(javaToday);
            }
        }
    }

    private static DashboardRow.Window window(History h, LocalDate from, LocalDate to) {
        long s = 0;
        long c = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int[] day = oracleDay(h, d);
            s += day[0];
            c += day[1];
        }
        return new DashboardRow.Window(s, c, io.spinewise.plan.domain.AdherenceRule.percentage(c, s));
    }

    private History randomHistory(Random random, String clinic, ZoneId zone) throws SQLException {
        UUID patientId = insertPatient(clinic, zone);
        LocalDate t = today.in(zone);
        List<Version> versions = new ArrayList<>();
        List<PauseRow> pauses = new ArrayList<>();
        List<CheckOffRow> checkOffs = new ArrayList<>();
        int plans = 1 + random.nextInt(3);
        for (int p = 0; p < plans; p++) {
            UUID plan = UUID.randomUUID();
            LocalDate created = t.minusDays(10 + random.nextInt(150));
            int versionCount = 1 + random.nextInt(3);
            LocalDate effectiveFrom = created;
            for (int v = 1; v <= versionCount; v++) {
                LocalDate until = v == versionCount ? (random.nextInt(5) == 0 ? t.minusDays(random.nextInt(10)) : null)
                        : effectiveFrom.plusDays(random.nextInt(40));
                LocalDate start = effectiveFrom.plusDays(random.nextInt(7) - 3);
                LocalDate end = random.nextInt(3) == 0 ? start.plusDays(random.nextInt(90)) : null;
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (random.nextInt(3) > 0) {
                        days.add(d);
                    }
                }
                if (days.isEmpty()) {
                    days.add(DayOfWeek.values()[random.nextInt(7)]);
                }
                versions.add(new Version(plan, effectiveFrom, until, start, end, days, 1 + random.nextInt(3)));
                if (until == null) {
                    break;
                }
                effectiveFrom = until.plusDays(1);
            }
            LocalDate pauseFrom = created.plusDays(random.nextInt(30));
            for (int k = 0; k < random.nextInt(3); k++) {
                LocalDate until = random.nextInt(4) == 0 ? null : pauseFrom.plusDays(random.nextInt(10) - 1);
                pauses.add(new PauseRow(plan, pauseFrom, until));
                if (until == null) {
                    break;
                }
                pauseFrom = until.plusDays(2 + random.nextInt(20));
            }
            for (LocalDate d = created.minusDays(3); !d.isAfter(t); d = d.plusDays(1)) {
                int n = random.nextInt(10) < 3 ? 0 : random.nextInt(5);
                for (int k = 0; k < n; k++) {
                    checkOffs.add(new CheckOffRow(plan, d, random.nextInt(8) == 0));
                }
            }
            insertPlan(clinic, patientId, plan, versions.stream().filter(v -> v.plan().equals(plan)).toList(),
                    pauses.stream().filter(x -> x.plan().equals(plan)).toList(),
                    checkOffs.stream().filter(c -> c.plan().equals(plan)).toList());
        }
        return new History(patientId, zone, versions, pauses, checkOffs);
    }

    private UUID insertPatient(String clinic, ZoneId zone) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, id);
            s.setString(2, clinic);
            s.setString(3, UUID.randomUUID().toString());
            s.setString(4, "Random");
            s.setString(5, zone.getId());
            s.setString(6, zone.getId());
            s.executeUpdate();
        }
        return id;
    }

    private void insertPlan(String clinic, UUID patientId, UUID plan, List<Version> versions, List<PauseRow> pauses,
                            List<CheckOffRow> checkOffs) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plan (id, clinic_id, patient_id, title, status,"
                    + " current_version, created_by) VALUES (?, ?, ?, 'random', 'ACTIVE', ?, 'oracle')")) {
                s.setObject(1, plan);
                s.setString(2, clinic);
                s.setObject(3, patientId);
                s.setInt(4, versions.size());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO plan_version (plan_id, version, effective_from,"
                    + " effective_until, start_date, end_date, days_mask, sessions_per_day, items, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]'::jsonb, 'oracle')")) {
                int number = 1;
                for (Version v : versions) {
                    s.setObject(1, plan);
                    s.setInt(2, number++);
                    s.setObject(3, v.effectiveFrom());
                    s.setObject(4, v.effectiveUntil());
                    s.setObject(5, v.start());
                    s.setObject(6, v.end());
                    s.setInt(7, io.spinewise.plan.domain.DaysOfWeek.mask(v.days()));
                    s.setInt(8, v.sessions());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO plan_pause (id, plan_id, paused_from, paused_until) VALUES (?, ?, ?, ?)")) {
                for (PauseRow p : pauses) {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, plan);
                    s.setObject(3, p.from());
                    s.setObject(4, p.until());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO session_checkoff (id, clinic_id, patient_id,"
                    + " plan_id, session_date, slot, items, pain_before, idempotency_key, request_hash, undone_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, '[]'::jsonb, ?, ?, 'x', ?)")) {
                Map<LocalDate, Integer> slots = new HashMap<>();
                for (CheckOffRow r : checkOffs) {
                    int slot = r.undone() ? 12 : slots.merge(r.date(), 1, Integer::sum);
                    s.setObject(1, UUID.randomUUID());
                    s.setString(2, clinic);
                    s.setObject(3, patientId);
                    s.setObject(4, plan);
                    s.setObject(5, r.date());
                    s.setInt(6, slot);
                    s.setInt(7, (slot * 3) % 11);
                    s.setString(8, UUID.randomUUID().toString());
                    s.setTimestamp(9, r.undone() ? Timestamp.from(Instant.now()) : null);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }
}
