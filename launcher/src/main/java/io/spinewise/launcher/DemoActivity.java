package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Demo activity for a first start, so the dashboard, charts and reports have something to show:
 * the demo patients get "Mid-back relief" prescribed six weeks ago (through the API, as their
 * chiropractor), and six weeks of check-offs with pain ratings; one of them questionnaires too
 * ({@link DemoOutcomes}). The API accepts start dates and
 * check-offs only for the last few days (late logging is bounded), so the plan is prescribed from
 * today and then backdated, and the history is written straight into plan-service's tables — a
 * development shortcut that no production path takes.
 *
 * <p>The load is idempotent, so that a start that failed half-way can simply be run again: a
 * patient's existing demo plan is reused rather than prescribed twice, and each patient's
 * backdating and history are written in one transaction, skipped when that history is there.
 */
final class DemoActivity {

    /** The file in the data folder that says the demo activity is loaded; {@code ./spinewise up} loads it while absent. */
    static final String MARKER = "demo-activity-loaded";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WEEKS = 6;
    private static final String ROUTINE = "mid-back-relief";
    private static final String KEY_PREFIX = "demo-";
    /** Attempts of a call that plan-service answered "unavailable, try again" (503) or "too many" (429). */
    private static final int RETRIES = 5;
    /** The demo patient with remote-monitoring time logged by their chiropractor (docs/rtm.md). */
    private static final String MONITORED = "patient.paul";
    /** Logged time: days back from today, minutes, whether it included a call with the patient. */
    private record DemoTime(int daysBack, int minutes, boolean interactive) {
    }

    /** A month that reaches 98980 (28 minutes, one call) and this month's call. */
    private static final List<DemoTime> MONITORING_TIME = List.of(new DemoTime(35, 20, true),
            new DemoTime(33, 8, false), new DemoTime(0, 15, true));

    /** How long after the first start the demo patients' reminder mail is due. */
    static final int REMINDER_AFTER_MINUTES = 2;

    /** A demo patient, their chiropractor, and how faithfully they exercise (0..1). */
    private record DemoPatient(String username, String chiropractor, double diligence, int startingPain) {
    }

    private static final List<DemoPatient> PATIENTS = List.of(
            new DemoPatient("patient.paul", "dr.ada", 0.9, 7),
            new DemoPatient("patient.petra", "dr.ada", 0.45, 6),
            new DemoPatient("patient.sam", "dr.ben", 0.7, 8));

    /** What loads the demo activity: {@link DemoActivity#load()}, or a stand-in in tests. */
    @FunctionalInterface
    interface Loader {
        void load() throws LoadFailed;
    }

    /** The demo activity could not be loaded; the message names the patient and the step. */
    static final class LoadFailed extends Exception {
        LoadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KeycloakLogins logins;
    private final String planService;
    private final Database database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoActivity(KeycloakLogins logins, String planService, Database database) {
        this.logins = logins;
        this.planService = planService;
        this.database = database;
    }

    /**
     * Loads the demo activity unless the marker in {@code data} says an earlier start did, and
     * writes the marker only once the load is complete.
     *
     * @return whether it loaded now (false: the marker was there)
     */
    static boolean loadOnFirstStart(Path data, Loader loader) throws LoadFailed, IOException {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            return false;
        }
        loader.load();
        Files.writeString(marker, Instant.now().toString());
        return true;
    }

    /** Every demo patient's plan and history; throws naming the first patient and step that failed. */
    void load() throws LoadFailed {
        for (DemoPatient demo : PATIENTS) {
            try {
                load(demo);
            } catch (Exception e) {
                throw new LoadFailed(demo.username() + ": " + reason(e), e);
            }
        }
    }

    private void load(DemoPatient demo) throws IOException, InterruptedException, SQLException {
        String patientToken = logins.accessToken(demo.username(), "demo");
        JsonNode patient = call("GET", "/api/me", patientToken, null);
        ZoneId zone = ZoneId.of(patient.get("timeZone").asText());
        LocalDate today = LocalDate.now(zone);
        JsonNode plan = demoPlan(patientToken);
        if (plan == null) {
            String chiropractorToken = logins.accessToken(demo.chiropractor(), "demo");
            plan = call("POST", "/api/patients/" + patient.get("id").asText() + "/plans", chiropractorToken,
                    Map.of("routine", ROUTINE, "schedule", Map.of("startDate", today.toString())));
        }
        if (MONITORED.equals(demo.username())) {
            logMonitoringTime(patient.get("id").asText(), logins.accessToken(demo.chiropractor(), "demo"), today);
        }
        // a reminder mail a few minutes after this first start: today's session is still open (MailServer shows it)
        String soon = LocalTime.now(zone).plusMinutes(REMINDER_AFTER_MINUTES).format(DateTimeFormatter.ofPattern("HH:mm"));
        call("PUT", "/api/me/reminders", patientToken, Map.of("channels", List.of("EMAIL"), "remindAt", soon));
        Map<String, UUID> questionnaires = DemoOutcomes.PATIENT.equals(demo.username())
                ? DemoOutcomes.assign(this::call, logins.accessToken(demo.chiropractor(), "demo"),
                        logins.accessToken(DemoOutcomes.ADMIN, "demo"), patient.get("id").asText())
                : Map.of();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("plan"), database.user(),
                database.password())) {
            connection.setAutoCommit(false);
            UUID planId = UUID.fromString(plan.get("id").asText());
            UUID patientId = UUID.fromString(patient.get("id").asText());
            if (!hasHistory(connection, patientId)) {
                LocalDate start = today.minusWeeks(WEEKS);
                backdate(connection, planId, start);
                writeHistory(connection, patientId, planId, plan, start, today, demo);
            }
            if (!questionnaires.isEmpty() && !DemoOutcomes.hasHistory(connection, patientId)) {
                DemoOutcomes.writeHistory(connection, patientId, questionnaires, today);
            }
            connection.commit();
        }
    }

    /** Treatment-management time through the API, as the chiropractor; skipped when some is logged already. */
    private void logMonitoringTime(String patientId, String chiropractorToken, LocalDate today)
            throws IOException, InterruptedException {
        String path = "/api/patients/" + patientId + "/rtm/time";
        if (!call("GET", path, chiropractorToken, null).isEmpty()) {
            return;
        }
        for (DemoTime entry : MONITORING_TIME) {
            call("POST", path, chiropractorToken, Map.of("date", today.minusDays(entry.daysBack()).toString(),
                    "minutes", entry.minutes(), "interactive", entry.interactive(),
                    "note", "demo: check-in about the home exercises"));
        }
    }

    /** The patient's demo plan from an earlier, interrupted load; null when there is none. */
    private JsonNode demoPlan(String patientToken) throws IOException, InterruptedException {
        for (JsonNode plan : call("GET", "/api/me/plans", patientToken, null)) {
            if (ROUTINE.equals(plan.path("routine").path("slug").asText())) {
                return plan;
            }
        }
        return null;
    }

    private static boolean hasHistory(Connection connection, UUID patientId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM session_checkoff WHERE patient_id = ? AND idempotency_key LIKE ? LIMIT 1")) {
            query.setObject(1, patientId);
            query.setString(2, KEY_PREFIX + "%");
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static void backdate(Connection connection, UUID planId, LocalDate start) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE plan_version SET start_date = ?, effective_from = ? WHERE plan_id = ? AND version = 1")) {
            update.setDate(1, Date.valueOf(start));
            update.setDate(2, Date.valueOf(start));
            update.setObject(3, planId);
            update.executeUpdate();
        }
    }

    private static void writeHistory(Connection connection, UUID patientId, UUID planId, JsonNode plan, LocalDate from,
                                     LocalDate today, DemoPatient demo) throws SQLException, IOException {
        String items = JSON.writeValueAsString(plan.get("items").findValuesAsText("exercise").stream()
                .map(slug -> Map.of("exercise", slug, "done", true)).toList());
        // one seed per patient: the same history whichever patient a retried load starts with
        Random random = new Random(demo.username().hashCode());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO session_checkoff (id, clinic_id, patient_id, plan_id, session_date, slot, items,
                                              pain_before, pain_after, difficulty, note, idempotency_key, request_hash)
                SELECT ?, p.clinic_id, p.id, ?, ?, 1, ?::jsonb, ?, ?, ?, NULL, ?, 'demo'
                FROM patient p WHERE p.id = ?""")) {
            long days = today.toEpochDay() - from.toEpochDay();
            for (long d = 0; d < days; d++) {
                LocalDate date = from.plusDays(d);
                // diligence fades a little over the weeks, as it does
                double chance = demo.diligence() - 0.15 * d / days;
                if (random.nextDouble() > chance) {
                    continue;
                }
                int painBefore = Math.max(1, demo.startingPain() - (int) (4 * d / days) + random.nextInt(2));
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, planId);
                insert.setDate(3, Date.valueOf(date));
                insert.setString(4, items);
                insert.setInt(5, painBefore);
                insert.setInt(6, Math.max(0, painBefore - 1 - random.nextInt(2)));
                insert.setInt(7, 1 + random.nextInt(3));
                insert.setString(8, KEY_PREFIX + date);
                insert.setObject(9, patientId);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A call to plan-service as {@code token}; its JSON answer. Package-private for its test. */
    JsonNode call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(planService + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // a service just started may still be warming up its calls to the others: plan-service answers 503 with
        // "nothing was saved; try again" (or 429), so a few calmer attempts are safe and spare a failed first start
        for (int attempt = 1; attempt < RETRIES && (response.statusCode() == 503 || response.statusCode() == 429);
             attempt++) {
            Thread.sleep(2000L * attempt);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + planService + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A cause for a person: connection errors often carry no message of their own. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
