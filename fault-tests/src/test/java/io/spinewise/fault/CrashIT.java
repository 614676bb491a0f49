package io.spinewise.fault;

import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash: patients check sessions off while a part is killed with SIGKILL and started again, three
 * times; every check-off the API acknowledged (201, or 200 for a replay) must then be stored
 * exactly once, under the id the API answered. Killing PostgreSQL loses acknowledged check-offs
 * when it runs with {@code synchronous_commit=off} (the embedded library's default, issue 11);
 * killing plan-service tests that a retry with the same key never makes a second row.
 */
class CrashIT {

    private static final int KILLS = 3;
    private static final int CLIENTS = 4;
    private static final int PATIENTS = 4;
    private static final int PLANS_PER_PATIENT = 3;
    /** Days back that are checked off: well inside the seven days a check-off may be late, away from midnight. */
    private static final int DAYS = 6;
    private static final int SESSIONS_PER_DAY = 6;

    /** Each case's own plans, so that each checks its own check-offs. */
    private static final List<List<CheckOffLoad.Slot>> SLOTS = new ArrayList<>();

    @BeforeAll
    static void patientsWithManySessionsADay() throws Exception {
        FaultPlatform.get();
        Api.User chiropractor = new Api.User("dr.ada", "demo");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<CheckOffLoad.Slot> all = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            Api.Patient patient = Api.enrol(chiropractor, "crash" + p);
            for (int n = 0; n < PLANS_PER_PATIENT; n++) {
                UUID plan = Api.prescribe(chiropractor, patient, today.minusDays(DAYS + 1));
                for (int day = DAYS; day >= 1; day--) {
                    for (int slot = 1; slot <= SESSIONS_PER_DAY; slot++) {
                        all.add(new CheckOffLoad.Slot(patient, plan, today.minusDays(day), slot));
                    }
                }
            }
        }
        // by plan, half the plans to each case
        Map<UUID, List<CheckOffLoad.Slot>> byPlan = all.stream()
                .collect(Collectors.groupingBy(CheckOffLoad.Slot::plan, LinkedHashMap::new, Collectors.toList()));
        List<List<CheckOffLoad.Slot>> plans = new ArrayList<>(byPlan.values());
        for (int half = 0; half < 2; half++) {
            List<CheckOffLoad.Slot> slots = new ArrayList<>();
            for (int i = half; i < plans.size(); i += 2) {
                slots.addAll(plans.get(i));
            }
            SLOTS.add(slots);
        }
    }

    @Test
    void noAcknowledgedCheckOffIsLostOrDoubledWhenPlanServiceIsKilled() throws Exception {
        crash("plan-service", SLOTS.get(0));
    }

    @Test
    void noAcknowledgedCheckOffIsLostOrDoubledWhenPostgresqlIsKilled() throws Exception {
        crash("postgresql", SLOTS.get(1));
    }

    private static void crash(String part, List<CheckOffLoad.Slot> slots) throws Exception {
        Platform platform = FaultPlatform.get();
        CheckOffLoad load = new CheckOffLoad(slots);
        long begin = System.nanoTime();
        load.start(CLIENTS);
        List<long[]> outages = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            // spread the kills over the load: the next one once a further quarter is acknowledged
            int due = load.total() * kill / (KILLS + 1);
            while (load.acknowledged() < due) {
                Thread.sleep(20);
            }
            long killed = System.nanoTime();
            platform.kill(part);
            platform.start(part);
            long ready = System.nanoTime();
            outages.add(new long[] {killed, ready});
        }
        load.await();
        long took = System.nanoTime() - begin;

        Map<String, Stored> stored = stored(slots);
        List<CheckOffLoad.Ack> acks = load.acks();
        long lost = acks.stream().filter(a -> !stored.containsKey(a.key())).count();
        long wrongId = acks.stream().filter(a -> stored.containsKey(a.key()) && !stored.get(a.key()).matches(a)).count();
        long retried = acks.stream().filter(a -> a.attempts() > 1).count();
        String down = outages.stream().map(o -> FaultReport.seconds(o[1] - o[0])).collect(Collectors.joining(", "));

        FaultReport.table("Crash: " + part + " killed (SIGKILL) " + KILLS + " times under " + CLIENTS + " check-off clients",
                List.of("acknowledged", "stored rows", "lost", "stored under another id", "requests", "failed answers",
                        "acknowledged after a retry", "down until ready again", "took"),
                List.of(List.of(Integer.toString(acks.size()), Integer.toString(stored.size()), Long.toString(lost),
                        Long.toString(wrongId), Integer.toString(load.requests()), failures(load),
                        Long.toString(retried), down, FaultReport.seconds(took))));

        assertThat(acks).as("every session was acknowledged").hasSize(slots.size());
        assertThat(lost).as("acknowledged check-offs missing from the database").isZero();
        assertThat(wrongId).as("acknowledged check-offs stored under another id or slot").isZero();
        assertThat(stored).as("rows in the database: exactly one per acknowledged check-off").hasSize(acks.size());
        assertThat(load.failures()).as("the faults were felt by the clients").isNotEmpty();
    }

    /** A stored check-off, by its Idempotency-Key. */
    private record Stored(UUID id, UUID plan, LocalDate date, int slot) {
        boolean matches(CheckOffLoad.Ack ack) {
            return id.equals(ack.id()) && plan.equals(ack.slot().plan()) && date.equals(ack.slot().date())
                    && slot == ack.slot().slot();
        }
    }

    /** Every check-off row of the case's plans; a key stored twice fails here. */
    private static Map<String, Stored> stored(List<CheckOffLoad.Slot> slots) throws Exception {
        UUID[] plans = slots.stream().map(CheckOffLoad.Slot::plan).distinct().toArray(UUID[]::new);
        Map<String, Stored> rows = new HashMap<>();
        try (Connection c = FaultPlatform.planDatabase();
             PreparedStatement s = c.prepareStatement("SELECT idempotency_key, id, plan_id, session_date, slot"
                     + " FROM session_checkoff WHERE plan_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", plans));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Stored row = new Stored(rs.getObject("id", UUID.class), rs.getObject("plan_id", UUID.class),
                            rs.getObject("session_date", LocalDate.class), rs.getInt("slot"));
                    Stored earlier = rows.put(rs.getString("idempotency_key"), row);
                    assertThat(earlier).as("a second row for key " + rs.getString("idempotency_key")).isNull();
                }
            }
        }
        return rows;
    }

    private static String failures(CheckOffLoad load) {
        return load.failures().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue().get()).collect(Collectors.joining(", "));
    }
}
