package io.spinewise.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Demo questionnaires for one demo patient, so the outcomes have something to show: the Patient-Specific
 * Functional Scale and the pain rating (NPRS) assigned every two weeks through the API, then started six weeks
 * ago with three answers each (six, four and two weeks ago), written straight into plan-service's tables as the
 * check-off history is; today's occasion is left open, so the patient has a questionnaire due. The Neck
 * Disability Index does not ship (licence required, docs/outcomes.md): the demo clinic's administrator enters a
 * placeholder text for it (made-up wording that says so, an attestation that says there is no licence), so the
 * NDI is assigned and answered the same way. A real clinic enters the wording it licensed.
 */
final class DemoOutcomes {

    /** The demo patient with questionnaires. */
    static final String PATIENT = "patient.paul";
    /** The administrator of that patient's clinic, who enters the NDI's placeholder text. */
    static final String ADMIN = "admin.nora";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_PREFIX = "demo-";
    private static final List<String> ACTIVITIES = List.of("Lifting my daughter", "Sitting at my desk for an hour",
            "Turning my head while reversing the car");
    /** PSFS ratings per answer (six, four, two weeks ago): means 3.00, 4.67, 6.33, better by more than 2. */
    private static final int[][] PSFS = {{3, 4, 2}, {5, 5, 4}, {6, 7, 6}};
    private static final int[] PAIN = {7, 5, 4};
    /** NDI answers per occasion, ten items each: sums 24, 18, 12 of 50, better by more than the MCID of 5. */
    private static final int[][] NDI = {{3, 3, 2, 3, 2, 2, 3, 2, 2, 2}, {2, 2, 2, 2, 2, 2, 2, 1, 2, 1},
            {1, 2, 1, 1, 1, 2, 1, 1, 1, 1}};
    private static final String NDI_TEXT = "/api/clinic/instruments/NDI/text";

    /** The calls DemoActivity makes to plan-service. */
    @FunctionalInterface
    interface Api {
        JsonNode call(String method, String path, String token, Object body) throws IOException, InterruptedException;
    }

    private DemoOutcomes() {
    }

    /**
     * The patient's running PSFS, NPRS and NDI assignments, assigned now unless an earlier load did: code → id. The
     * NDI's placeholder text is entered first (by the clinic's administrator), unless the clinic has a text of it.
     */
    static Map<String, UUID> assign(Api api, String chiropractorToken, String adminToken, String patientId)
            throws IOException, InterruptedException {
        boolean ndiText = api.call("GET", "/api/instruments/NDI", chiropractorToken, null).path("assignable").asBoolean();
        if (!ndiText) {
            api.call("PUT", NDI_TEXT, adminToken, ndiPlaceholder());
        }
        String path = "/api/patients/" + patientId + "/assessments";
        Map<String, UUID> running = new LinkedHashMap<>();
        for (JsonNode a : api.call("GET", path, chiropractorToken, null)) {
            if (a.path("active").asBoolean()) {
                running.put(a.path("instrument").asText(), UUID.fromString(a.path("id").asText()));
            }
        }
        for (String code : List.of("PSFS", "NPRS", "NDI")) {
            if (!running.containsKey(code)) {
                JsonNode made = api.call("POST", path, chiropractorToken, Map.of("instrument", code, "everyWeeks", 2));
                running.put(code, UUID.fromString(made.path("id").asText()));
            }
        }
        return running;
    }

    static boolean hasHistory(Connection connection, UUID patientId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM assessment_response WHERE patient_id = ? AND idempotency_key LIKE ? LIMIT 1")) {
            query.setObject(1, patientId);
            query.setString(2, KEY_PREFIX + "%");
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** Placeholder wording that says what it is: Spinewise holds no licence for the NDI's real text. */
    private static Map<String, Object> ndiPlaceholder() {
        List<Map<String, Object>> items = IntStream.rangeClosed(1, 10).mapToObj(n -> Map.<String, Object>of(
                "text", "Neck item " + n + " — a licensed clinic enters the published wording here",
                "options", IntStream.rangeClosed(0, 5).mapToObj(v -> "Answer " + v + " (placeholder)").toList()))
                .toList();
        return Map.of("title", "Neck Disability Index (demo placeholder text)",
                "instructions", "Demo placeholder: a clinic that holds a licence enters the published instructions here.",
                "items", items, "licenceHolder", "Northside Chiropractic (demo)",
                "licenceReference", "demo placeholder, no licence");
    }

    /** Starts the assignments six weeks ago and writes their three answers, in the caller's transaction. */
    static void writeHistory(Connection connection, UUID patientId, Map<String, UUID> assignments, LocalDate today)
            throws SQLException, IOException {
        LocalDate start = today.minusWeeks(6);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE assessment_assignment SET start_date = ? WHERE id = ?")) {
            for (UUID id : assignments.values()) {
                update.setDate(1, Date.valueOf(start));
                update.setObject(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO assessment_response (id, assignment_id, patient_id, clinic_id, instrument, due_date,
                                                 answered_at, answered_on, answers, score, idempotency_key,
                                                 request_hash)
                SELECT ?, ?, p.id, p.clinic_id, ?, ?, (?::date + time '19:00') AT TIME ZONE p.time_zone, ?,
                       ?::jsonb, ?, ?, 'demo'
                FROM patient p WHERE p.id = ?""")) {
            for (int n = 0; n < 3; n++) {
                LocalDate due = start.plusWeeks(2L * n);
                add(insert, assignments.get("PSFS"), "PSFS", due, psfs(PSFS[n]), mean(PSFS[n]), patientId);
                add(insert, assignments.get("NPRS"), "NPRS", due,
                        List.of(Map.of("item", "pain", "value", PAIN[n])), PAIN[n], patientId);
                add(insert, assignments.get("NDI"), "NDI", due, ndi(NDI[n]), Arrays.stream(NDI[n]).sum(), patientId);
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, UUID assignment, String code, LocalDate due,
                            List<Map<String, Object>> answers, double score, UUID patientId)
            throws SQLException, IOException {
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, assignment);
        insert.setString(3, code);
        insert.setDate(4, Date.valueOf(due));
        insert.setString(5, due.toString());
        insert.setDate(6, Date.valueOf(due));
        insert.setString(7, JSON.writeValueAsString(answers));
        insert.setBigDecimal(8, BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP));
        insert.setString(9, KEY_PREFIX + code + "-" + due);
        insert.setObject(10, patientId);
        insert.addBatch();
    }

    private static List<Map<String, Object>> psfs(int[] ratings) {
        return IntStream.range(0, ratings.length).mapToObj(i -> Map.<String, Object>of(
                "item", "activity-" + (i + 1), "activity", ACTIVITIES.get(i), "value", ratings[i])).toList();
    }

    private static List<Map<String, Object>> ndi(int[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> Map.<String, Object>of("item", "item-" + (i + 1),
                "value", values[i])).toList();
    }

    private static double mean(int[] ratings) {
        return Arrays.stream(ratings).average().orElseThrow();
    }
}
