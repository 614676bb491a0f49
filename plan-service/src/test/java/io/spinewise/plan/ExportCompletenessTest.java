package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.spinewise.plan.push.P256;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.NORTH_CHIRO;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient's own download holds everything plan-service keeps about them: every table with a {@code patient_id}
 * column is either in the export (under the field named here) or left out with its reason, so a new table fails
 * this test until someone decides.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS) // to prescribe
class ExportCompletenessTest {

    /** A table that holds data about the patient, and the export's field that carries it. */
    private static final Map<String, String> EXPORTED = Map.ofEntries(
            Map.entry("plan", "plans"),
            Map.entry("session_checkoff", "checkOffs"),
            Map.entry("assessment_assignment", "assessments"),
            Map.entry("assessment_response", "responses"),
            Map.entry("reminder_preference", "reminders"),
            Map.entry("reminder", "remindersSent"),
            Map.entry("push_subscription", "pushDevices"),
            Map.entry("calendar_feed", "calendarFeed"),
            Map.entry("rtm_time_entry", "remoteMonitoringTime"),
            Map.entry("attention_acknowledgement", "attentionAcknowledgements"));

    /** A table with a patient_id that the export leaves out, and why. */
    private static final Map<String, String> LEFT_OUT = Map.of(
            "adherence_rollup", "a cache of figures computed from the plans and check-offs, which are exported along"
                    + " with the adherence they give",
            "adherence_day", "the same cache, day by day",
            "audit_event", "who read or changed the record: the clinic's access log, which names its staff; the"
                    + " clinic administrator gives a patient their part on request (the audit page filtered by the"
                    + " patient), docs/data-protection.md");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyTableWithAPatientIdIsExportedOrLeftOutForAReason() throws SQLException {
        TreeSet<String> tables = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT t.relname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     WHERE n.nspname = current_schema() AND a.attname = 'patient_id' AND NOT a.attisdropped
                       AND t.relkind IN ('r', 'p') AND NOT t.relispartition""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        TreeSet<String> decided = new TreeSet<>(EXPORTED.keySet());
        decided.addAll(LEFT_OUT.keySet());

        assertThat(tables).as("tables with a patient_id: add each new one to the export (ExportService) and to"
                + " EXPORTED, or to LEFT_OUT with the reason").isEqualTo(decided);
    }

    @Test
    void aPatientFindsTheirDataOfEveryKindInTheExportAndNoPushKeys() {
        EnrolledPatient una = enrol(NORTH_CHIRO, NORTH, "Una", "Europe/Berlin");
        String plan = dailyPlan(NORTH_CHIRO, una);
        as(una.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(checkOff(plan, una.today(), 1)).post("/api/me/sessions").then().statusCode(201);
        String psfs = as(NORTH_CHIRO).body(Map.of("instrument", "PSFS")).post("/api/patients/" + una.id()
                + "/assessments").then().statusCode(201).extract().path("id");
        as(una.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("dueDate", una.today().toString(), "answers",
                        List.of(Map.of("item", "activity-1", "activity", "Gardening", "value", 4))))
                .post("/api/me/assessments/" + psfs + "/responses").then().statusCode(201);
        as(una.token()).body(Map.of("channels", List.of("EMAIL"), "remindAt", "07:45")).put("/api/me/reminders")
                .then().statusCode(200);
        TestBrowser browser = new TestBrowser();
        as(una.token()).body(Map.of("endpoint", "https://push.example.net/send/" + UUID.randomUUID(), "keys",
                Map.of("p256dh", P256.encode(browser.publicKey), "auth", P256.encode(browser.auth))))
                .post("/api/me/push-subscriptions").then().statusCode(201);
        as(una.token()).body(Map.of()).put("/api/me/calendar-feed").then().statusCode(200);
        as(NORTH_CHIRO).body(Map.of("date", una.today().toString(), "minutes", 9, "interactive", false,
                "note", "reviewed the week")).post("/api/patients/" + una.id() + "/rtm/time").then().statusCode(201);

        String body = as(una.token()).get("/api/me/export").then().statusCode(200).extract().asString();
        JsonPath export = JsonPath.from(body);

        for (String field : EXPORTED.values()) {
            assertThat(export.getMap("$")).as("the export names " + field).containsKey(field);
        }
        assertThat(export.getList("plans")).hasSize(1);
        assertThat(export.getList("checkOffs")).hasSize(1);
        assertThat(export.getList("responses.answers.activity.flatten()")).contains("Gardening");
        assertThat(export.getString("reminders.remindAt")).isEqualTo("07:45");
        assertThat(export.getBoolean("reminders.chosen")).isTrue();
        assertThat(export.getList("pushDevices.host")).containsExactly("push.example.net");
        assertThat(export.getBoolean("calendarFeed.on")).isTrue();
        assertThat(export.getList("remoteMonitoringTime.note")).containsExactly("reviewed the week");
        assertThat(export.getList("attentionAcknowledgements")).isEmpty();
        assertThat(body).doesNotContain("p256dh", "\"auth\"", "/send/", "token");
    }
}
