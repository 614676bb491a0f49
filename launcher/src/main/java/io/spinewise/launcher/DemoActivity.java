package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Demo activity for a first start, so the dashboard, charts and reports have something to show:
 * the demo patients get "Mid-back relief" prescribed six weeks ago (through the API, as their
 * chiropractor), and six weeks of check-offs with pain ratings. The API accepts start dates and
 * check-offs only for the last few days (late logging is bounded), so the plan is prescribed from
 * today and then backdated, and the history is written straight into plan-service's tables — a
 * development shortcut that no production path takes.
 */
public final class DemoActivity {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WEEKS = 6;

    /** A demo patient, their chiropractor, and how faithfully they exercise (0..1). */
    private record DemoPatient(String username, String chiropractor, double diligence, int startingPain) {
    }

    private static final List<DemoPatient> PATIENTS = List.of(
            new DemoPatient("patient.paul", "dr.ada", 0.9, 7),
            new DemoPatient("patient.petra", "dr.ada", 0.45, 6),
            new DemoPatient("patient.sam", "dr.ben", 0.7, 8));

    private final KeycloakLogins logins;
    private final String planService;
    private final Database database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoActivity(KeycloakLogins logins, String planService, Database database) {
        this.logins = logins;
        this.planService = planService;
        this.database = database;
    }

    public void load() throws IOException, InterruptedException, SQLException {
        Random random = new Random(42);
        for (DemoPatient demo : PATIENTS) {
            String patientToken = logins.accessToken(demo.username(), "demo");
            JsonNode patient = call("GET", "/api/me", patientToken, null);
            ZoneId zone = ZoneId.of(patient.get("timeZone").asText());
            LocalDate start = LocalDate.now(zone).minusWeeks(WEEKS);
            String chiropractorToken = logins.accessToken(demo.chiropractor(), "demo");
            JsonNode plan = call("POST", "/api/patients/" + patient.get("id").asText() + "/plans", chiropractorToken,
                    Map.of("routine", "mid-back-relief", "schedule", Map.of("startDate", LocalDate.now(zone).toString())));
            backdate(plan, start);
            writeHistory(patient, plan, start, LocalDate.now(zone), demo, random);
        }
    }

    private void backdate(JsonNode plan, LocalDate start) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("plan"), database.user(), database.password());
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE plan_version SET start_date = ?, effective_from = ? WHERE plan_id = ? AND version = 1")) {
            update.setDate(1, Date.valueOf(start));
            update.setDate(2, Date.valueOf(start));
            update.setObject(3, UUID.fromString(plan.get("id").asText()));
            update.executeUpdate();
        }
    }

    private void writeHistory(JsonNode patient, JsonNode plan, LocalDate from, LocalDate today, DemoPatient demo,
                              Random random) throws SQLException, IOException {
        String items = JSON.writeValueAsString(plan.get("items").findValuesAsText("exercise").stream()
                .map(slug -> Map.of("exercise", slug, "done", true)).toList());
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("plan"), database.user(), database.password());
             PreparedStatement insert = connection.prepareStatement("""
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
                insert.setObject(2, UUID.fromString(plan.get("id").asText()));
                insert.setDate(3, Date.valueOf(date));
                insert.setString(4, items);
                insert.setInt(5, painBefore);
                insert.setInt(6, Math.max(0, painBefore - 1 - random.nextInt(2)));
                insert.setInt(7, 1 + random.nextInt(3));
                insert.setString(8, "demo-" + date);
                insert.setObject(9, UUID.fromString(patient.get("id").asText()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private JsonNode call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(planService + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
