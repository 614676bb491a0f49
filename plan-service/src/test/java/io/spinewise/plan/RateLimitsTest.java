package io.spinewise.plan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.spinewise.common.security.Roles;
import io.spinewise.plan.audit.AuditResource;
import io.spinewise.plan.rest.AttentionResource;
import io.spinewise.plan.rest.CalendarFeedResource;
import io.spinewise.plan.rest.CalendarResource;
import io.spinewise.plan.rest.ClinicInstrumentResource;
import io.spinewise.plan.rest.ClinicResource;
import io.spinewise.plan.rest.DashboardResource;
import io.spinewise.plan.rest.FhirResource;
import io.spinewise.plan.rest.InstrumentResource;
import io.spinewise.plan.rest.Limited;
import io.spinewise.plan.rest.MeAssessmentResource;
import io.spinewise.plan.rest.MeResource;
import io.spinewise.plan.rest.PatientAssessmentResource;
import io.spinewise.plan.rest.PatientErasureResource;
import io.spinewise.plan.rest.PatientResource;
import io.spinewise.plan.rest.PlanResource;
import io.spinewise.plan.rest.PushSubscriptionResource;
import io.spinewise.plan.rest.ReminderResource;
import io.spinewise.plan.rest.ReportResource;
import io.spinewise.plan.rest.RtmReportResource;
import io.spinewise.plan.rest.RtmResource;
import io.spinewise.plan.rest.UnsubscribeResource;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestIssuer;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spinewise.plan.Fixtures.EnrolledPatient;
import static io.spinewise.plan.Fixtures.checkOff;
import static io.spinewise.plan.Fixtures.dailyPlan;
import static io.spinewise.plan.Fixtures.enrol;
import static io.spinewise.plan.Users.NORTH;
import static io.spinewise.plan.Users.PROBLEM_JSON;
import static io.spinewise.plan.Users.SOUTH;
import static io.spinewise.plan.Users.anonymous;
import static io.spinewise.plan.Users.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The limits with small values (this class's profile): per-user allowances of writes, enrolments and
 * exports answered with a 429 problem and {@code Retry-After}; a clinic's reports running at once, with
 * real concurrent exports held open by clients that do not read; the reports' statement timeout. Each
 * test acts as users of its own, since allowances are per user.
 */
@QuarkusTest
@TestProfile(RateLimitsTest.SmallLimits.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = TestIssuer.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RateLimitsTest {

    static final int WRITES_PER_MINUTE = 5;
    static final int ENROLMENTS_PER_HOUR = 2;
    static final int EXPORTS_PER_HOUR = 3;
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(4);
    /** Patients of the north clinic whose ten-year CSV (about 24 MB) outlasts every buffer between it and a client. */
    private static final int MANY_PATIENTS = 100;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spinewise.plan.limits.writes-per-minute", Integer.toString(WRITES_PER_MINUTE),
                    "spinewise.plan.limits.enrolments-per-hour", Integer.toString(ENROLMENTS_PER_HOUR),
                    "spinewise.plan.limits.exports-per-hour", Integer.toString(EXPORTS_PER_HOUR),
                    "spinewise.plan.report.concurrent-per-clinic", "2",
                    "spinewise.plan.report.statement-timeout", STATEMENT_TIMEOUT.toSeconds() + "s");
        }
    }

    private static boolean manyPatients;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void theNorthClinicHasManyPatients() throws SQLException {
        if (manyPatients) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO patient (id, clinic_id, subject, first_name, last_name, time_zone)
                SELECT gen_random_uuid(), ?, 'many-' || i, 'Many', 'Patient ' || i, 'UTC'
                FROM generate_series(1, ?) AS i""")) {
            s.setString(1, NORTH);
            s.setInt(2, MANY_PATIENTS);
            s.executeUpdate();
        }
        manyPatients = true;
    }

    @Test
    void anUndoLoopMeetsTheWritesAllowanceWithA429ThatSaysWhenToRetry() {
        String chiro = TestIssuer.token("chiro-writes", Roles.CHIROPRACTOR, NORTH);
        EnrolledPatient lou = enrol(chiro, NORTH, "Lou", "UTC");
        String plan = dailyPlan(chiro, lou);
        Map<String, Object> body = checkOff(plan, lou.today(), 1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_MINUTE / 2 + 1; i++) {
            Response made = as(lou.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                    .post("/api/me/sessions");
            statuses.add(made.statusCode());
            if (made.statusCode() == 201) {
                statuses.add(as(lou.token()).delete("/api/me/sessions/" + made.path("id")).statusCode());
            }
        }
        assertThat(statuses).startsWith(201, 204, 201, 204, 201).endsWith(429);

        Response refused = as(lou.token()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/me/sessions");
        refused.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:spinewise:problem:too-many-requests"))
                .body("detail", containsString("Too many writes: at most " + WRITES_PER_MINUTE + " a minute per user"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);

        // reads go on, and the allowance is the user's own: another patient still writes
        as(lou.token()).get("/api/me/today").then().statusCode(200);
        EnrolledPatient max = enrol(chiro, NORTH, "Max", "UTC");
        String maxPlan = dailyPlan(chiro, max);
        as(max.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(checkOff(maxPlan, max.today(), 1)).post("/api/me/sessions").then().statusCode(201);
        // a caller without a token is told to sign in, not to slow down
        anonymous().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/api/me/sessions")
                .then().statusCode(401);
    }

    @Test
    void enrolmentsHaveTheirOwnHourlyAllowancePerUser() {
        String chiro = TestIssuer.token("chiro-enrols", Roles.CHIROPRACTOR, NORTH);
        for (int i = 0; i < ENROLMENTS_PER_HOUR; i++) {
            enrol(chiro, NORTH, "Fam" + i, "UTC");
        }
        Response refused = as(chiro).body(Map.of("firstName", "One", "lastName", "Toomany",
                "email", "one-" + UUID.randomUUID() + "@patients.example", "timeZone", "UTC")).post("/api/patients");
        refused.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("detail", containsString("Too many enrolments: at most " + ENROLMENTS_PER_HOUR + " an hour"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(60, 3600);
        // a colleague of the same clinic enrols all the same
        enrol(TestIssuer.token("colleague-enrols", Roles.CHIROPRACTOR, NORTH), NORTH, "Colleague", "UTC");
    }

    @Test
    void exportsHaveAnHourlyAllowancePerUserAcrossCsvAndPdf() {
        String chiro = TestIssuer.token("chiro-exports", Roles.CHIROPRACTOR, SOUTH);
        EnrolledPatient eve = enrol(chiro, SOUTH, "Eve", "UTC");
        String week = "?from=" + eve.today().minusDays(6) + "&to=" + eve.today();
        as(chiro).get("/api/reports/adherence.csv" + week).then().statusCode(200);
        as(chiro).get("/api/reports/patients/" + eve.id() + ".pdf").then().statusCode(200);
        as(chiro).get("/api/reports/adherence.csv" + week).then().statusCode(200);
        Response refused = as(chiro).get("/api/reports/patients/" + eve.id() + ".pdf");
        refused.then().statusCode(429).contentType(PROBLEM_JSON)
                .body("detail", containsString("Too many exports: at most " + EXPORTS_PER_HOUR + " an hour"));
        assertThat(refused.header("Retry-After")).isNotBlank();

        // a patient's own download counts as an export too
        for (int i = 0; i < EXPORTS_PER_HOUR; i++) {
            as(eve.token()).get("/api/me/export").then().statusCode(200);
        }
        as(eve.token()).get("/api/me/export").then().statusCode(429).contentType(PROBLEM_JSON);
    }

    @Test
    void aClinicRunsTwoReportsAtOnceAndTheThirdIsRefusedAtOnceUntilOneEnds() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String tenYears = "/api/reports/adherence.csv?from=" + today.minusDays(3659) + "&to=" + today;
        try (HeldExport first = HeldExport.open(tenYears, TestIssuer.token("chiro-held-1", Roles.CHIROPRACTOR, NORTH));
             HeldExport second = HeldExport.open(tenYears, TestIssuer.token("chiro-held-2", Roles.CHIROPRACTOR, NORTH))) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);

            String third = TestIssuer.token("admin-third", Roles.CLINIC_ADMIN, NORTH);
            long started = System.nanoTime();
            Response refused = as(third).get("/api/reports/adherence.csv?from=" + today + "&to=" + today);
            long millis = (System.nanoTime() - started) / 1_000_000;
            refused.then().statusCode(429).contentType(PROBLEM_JSON)
                    .body("detail", containsString("already has 2 reports running"));
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
            // the held exports cannot end while their clients read nothing, so any answer means the request was not
            // queued behind them; the bound is wide for a loaded build machine
            assertThat(millis).as("refused at once, not queued").isLessThan(10_000);
            // the cap is the clinic's own: another clinic's report runs
            as(TestIssuer.token("chiro-south-report", Roles.CHIROPRACTOR, SOUTH))
                    .get("/api/reports/adherence.csv?from=" + today + "&to=" + today).then().statusCode(200);
        }
        // the held downloads were abandoned by their clients: their slots are free again
        String after = TestIssuer.token("admin-after", Roles.CLINIC_ADMIN, NORTH);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        int status;
        do {
            status = as(after).get("/api/reports/adherence.csv?from=" + today + "&to=" + today).statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("a report once the held ones were abandoned").isEqualTo(200);
    }

    @Test
    void aReportQueryRunningPastTheStatementTimeoutIsCancelledAndAnsweredWith503() throws Exception {
        String chiro = TestIssuer.token("chiro-timeout", Roles.CHIROPRACTOR, SOUTH);
        EnrolledPatient tim = enrol(chiro, SOUTH, "Tim", "UTC");
        dailyPlan(chiro, tim);
        String week = "?from=" + tim.today().minusDays(6) + "&to=" + tim.today();
        // a report made slow for certain: it waits for a lock another transaction holds on a table it reads
        try (Connection locker = dataSource.getConnection(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE plan_pause IN ACCESS EXCLUSIVE MODE");
            try {
                for (String report : List.of("/api/reports/adherence.csv" + week,
                        "/api/reports/patients/" + tim.id() + ".pdf")) {
                    long started = System.nanoTime();
                    // without the timeout the report would wait for the lock as long as it is held: give up after 30 s
                    Response answer = as(chiro).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 30_000))).get(report);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    answer.then().statusCode(503).contentType(PROBLEM_JSON)
                            .body("detail", containsString("ran longer than " + STATEMENT_TIMEOUT.toSeconds() + " s"));
                    assertThat(answer.header("Retry-After")).isNotBlank();
                    assertThat(millis).as(report).isBetween(STATEMENT_TIMEOUT.toMillis() - 500,
                            STATEMENT_TIMEOUT.toMillis() + 20_000);
                }
            } finally {
                locker.rollback();
            }
        }
        // once nothing holds it up, the same report runs (the third of the user's three exports)
        as(chiro).get("/api/reports/adherence.csv" + week).then().statusCode(200);
    }

    @Test
    void theContractDeclaresA429OnEveryWriteAndEveryLimitedRead() {
        JsonPath doc = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Boolean> declared = new HashMap<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.values().forEach(operations -> operations.values().forEach(operation -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            declared.put((String) operation.get("operationId"), responses.containsKey("429"));
        }));
        Map<String, Boolean> expected = new HashMap<>();
        for (Class<?> resource : List.of(AuditResource.class, CalendarFeedResource.class, CalendarResource.class,
                ClinicResource.class, DashboardResource.class, FhirResource.class, MeResource.class,
                PatientResource.class,
                PlanResource.class, PushSubscriptionResource.class, ReportResource.class, ReminderResource.class,
                UnsubscribeResource.class, InstrumentResource.class, PatientAssessmentResource.class,
                MeAssessmentResource.class, RtmResource.class, RtmReportResource.class, AttentionResource.class,
                ClinicInstrumentResource.class, PatientErasureResource.class)) {
            for (Method method : resource.getDeclaredMethods()) {
                Operation operation = method.getAnnotation(Operation.class);
                if (operation != null) {
                    boolean write = method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class)
                            || method.isAnnotationPresent(PATCH.class) || method.isAnnotationPresent(DELETE.class);
                    expected.put(operation.operationId(), write || method.isAnnotationPresent(Limited.class));
                }
            }
        }
        assertThat(declared).isEqualTo(expected);
    }

    /** A report download whose client has read the status line and then reads nothing more. */
    private record HeldExport(Socket socket, int status) implements AutoCloseable {

        static HeldExport open(String path, String token) throws IOException {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("localhost", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] statusLine = new byte[12];
            int read = 0;
            while (read < statusLine.length) {
                int n = in.read(statusLine, read, statusLine.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String line = new String(statusLine, 0, read, StandardCharsets.US_ASCII);
            return new HeldExport(socket, line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
