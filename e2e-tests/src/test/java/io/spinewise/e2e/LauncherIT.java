package io.spinewise.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.spinewise.launcher.Durability;
import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code ./spinewise up} and {@code down} as a user runs them: the platform of every end-to-end
 * test is the launcher started by {@link RunningPlatform}, and this class checks what it printed
 * (URLs that answer, demo logins that work), the demo activity it loaded (six weeks of history in
 * a patient's adherence and on the chiropractor's dashboard), that a second {@code up} fails fast
 * naming the ports in use without disturbing the first, that {@code down} stops every part and
 * frees every port, and that {@code up} again keeps the data — also when the demo activity is
 * loaded a second time, which must not double it. It leaves the platform running for the other
 * classes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    private static final List<String> DEMO_USERS = List.of("dr.ada", "admin.nora", "patient.paul", "patient.petra",
            "dr.ben", "admin.sol", "patient.sam");
    private static final Pattern PRINTED_URL = Pattern.compile("^ {2}(\\S+) +(http://localhost:\\d+\\S*)", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Written through the API before {@code down}, read back after {@code up}. */
    private static JsonPath paulBeforeTheRestart;
    private static int paulsPlansBeforeTheRestart;
    private static String enrolledPatientId;
    private static String enrolledUsername;
    private static String enrolledPassword;

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    @Test
    @Order(1)
    void upPrintsUrlsThatAnswerAndDemoLoginsThatWork() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "the first start's output belongs to whoever started it");
        String output = RunningPlatform.get().output();

        assertThat(output).contains("loading demo activity (plans and six weeks of check-offs) ... done",
                "Spinewise is up in", "with one of the demo users (password: demo)");
        Map<String, String> urls = printedUrls(output);
        assertThat(urls).containsEntry("web-ui", "http://localhost:" + Platform.WEB_PORT)
                .containsEntry("catalog-service", "http://localhost:" + Platform.CATALOG_PORT)
                .containsEntry("plan-service", "http://localhost:" + Platform.PLAN_PORT)
                .containsEntry("keycloak", "http://localhost:" + Platform.KEYCLOAK_PORT + "/admin")
                .containsEntry("media-store", "http://localhost:" + Platform.MEDIA_STORE_PORT);
        // the sign-in page is Keycloak's, at the address the tokens name
        assertThat(answer(urls.get("web-ui")).headers().firstValue("Location")).get().asString()
                .startsWith(RunningPlatform.ISSUER + "/protocol/openid-connect/auth");
        assertThat(answer(urls.get("keycloak")).statusCode()).isIn(200, 302);
        for (String docs : List.of("http://localhost:" + Platform.CATALOG_PORT + "/q/swagger-ui",
                "http://localhost:" + Platform.PLAN_PORT + "/q/swagger-ui")) {
            assertThat(output).contains(docs);
            assertThat(answer(docs + "/").statusCode()).as(docs).isEqualTo(200);
        }
        for (String user : DEMO_USERS) {
            assertThat(output).contains(user);
            assertThat(token(user)).as(user + " logs in with password demo").isNotBlank();
        }
        assertThat(RunningPlatform.launcher().data().resolve("demo-activity-loaded")).exists();
    }

    @Test
    @Order(1)
    void upStartsAMailServerWherePlanServicesReminderMailIsRead() throws Exception {
        if (!RunningPlatform.alreadyRunning()) {
            assertThat(RunningPlatform.get().output()).contains("imap://localhost:" + Platform.IMAP_PORT,
                    "login and password: the recipient's address");
        }
        // today's session of patient.petra is open (the demo history ends yesterday): a reminder a minute ago is due
        String petra = token("patient.petra");
        String zone = as(petra).get(PLAN + "/api/me").then().statusCode(200).extract().path("timeZone");
        String aMinuteAgo = LocalTime.now(ZoneId.of(zone)).minusMinutes(1)
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        as(petra).body(Map.of("channels", List.of("EMAIL"), "remindAt", aMinuteAgo)).put(PLAN + "/api/me/reminders")
                .then().statusCode(200);

        // plan-service plans and sends every minute; the mail is read as a person would, over IMAP
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        List<String> subjects = List.of();
        while (subjects.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(5000);
            subjects = Mailbox.subjects("petra@north.example", Platform.IMAP_PORT);
        }
        assertThat(subjects).as("reminder mails to petra").contains("Time for your exercises");
        as(petra).get(PLAN + "/api/me/reminders/sent").then().statusCode(200)
                .body("items.status", hasItem("SENT"));
    }

    @Test
    @Order(1)
    void thePlatformsPostgresqlIsDurableAndUpSaysSo() throws Exception {
        // asked of the running server itself: acknowledged check-offs must survive a crash of it
        Durability settings = Platform.databaseFor(RunningPlatform.launcher().data()).durability();

        assertThat(settings.fsync()).as("fsync").isEqualTo("on");
        assertThat(settings.synchronousCommit()).as("synchronous_commit").isEqualTo("on");
        assertThat(settings.fullPageWrites()).as("full_page_writes").isEqualTo("on");
        if (!RunningPlatform.alreadyRunning()) {
            assertThat(RunningPlatform.get().output())
                    .contains("durability         fsync=on, synchronous_commit=on, full_page_writes=on");
        }
    }

    @Test
    @Order(1)
    void theServicesConnectAsTheirRuntimeRolesNotAsTheSuperuser() throws Exception {
        // a request each, so that each service holds a connection to its database right now
        as(token("dr.ada")).get(CATALOG + "/api/exercises").then().statusCode(200);
        as(token("dr.ada")).get(PLAN + "/api/dashboard").then().statusCode(200);
        Map<String, List<String>> users = new LinkedHashMap<>();
        try (Connection connection = RunningPlatform.connect("postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT a.datname, a.usename, r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb
                     FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
                     WHERE a.datname IN ('catalog', 'plan') AND a.backend_type = 'client backend'
                       AND a.pid <> pg_backend_pid()
                     ORDER BY 1, 2""")) {
            while (rows.next()) {
                users.computeIfAbsent(rows.getString(1), d -> new ArrayList<>()).add(rows.getString(2));
                assertThat(rows.getBoolean(3)).as(rows.getString(2) + " has a special attribute").isFalse();
            }
        }
        assertThat(users.get("catalog")).as("catalog-service's connections").isNotEmpty().containsOnly("catalog_app");
        assertThat(users.get("plan")).as("plan-service's connections").isNotEmpty().containsOnly("plan_app");
    }

    @Test
    @Order(2)
    void theDemoPatientsHaveSixWeeksOfCheckOffsThatTheirChiropractorsSee() {
        for (String patient : List.of("patient.paul", "patient.petra", "patient.sam")) {
            JsonPath adherence = adherence(patient);
            LocalDate today = LocalDate.parse(adherence.getString("today"));
            List<Map<String, Object>> days = adherence.getList("days");
            assertThat(days.get(0).get("date")).as(patient + "'s first day").isEqualTo(today.minusWeeks(6).toString());
            assertThat(days.get(days.size() - 1).get("date")).isEqualTo(today.toString());
            assertThat(days).as(patient + ": a daily routine").allMatch(day -> (Integer) day.get("scheduled") == 1);
            // even the least diligent demo patient (45 %, fading) checks off at least ten of the 42 days
            assertThat(days.stream().filter(day -> (Integer) day.get("completed") > 0).count()).as(patient)
                    .isBetween(10L, 43L);
            assertThat(adherence.getInt("completed")).isPositive();
            assertThat(adherence.getInt("pain.reports")).as(patient + "'s pain ratings").isPositive();

            String chiropractor = patient.equals("patient.sam") ? "dr.ben" : "dr.ada";
            String patientId = as(token(patient)).get(PLAN + "/api/me").path("id");
            JsonPath dashboard = as(token(chiropractor)).get(PLAN + "/api/dashboard?size=100").then().statusCode(200)
                    .extract().jsonPath();
            String row = "items.find { it.patientId == '" + patientId + "' }";
            assertThat(dashboard.getString(row + ".lastSession")).as(chiropractor + " sees " + patient + "'s last session")
                    .isEqualTo(lastCompletedDay(days));
            assertThat(dashboard.getInt(row + ".last30Days.completed")).isPositive();
            assertThat(dashboard.getInt(row + ".last30Days.scheduled")).isGreaterThanOrEqualTo(29);
        }
        // and no chiropractor sees the other clinic's demo patient
        String sam = as(token("patient.sam")).get(PLAN + "/api/me").path("id");
        assertThat(as(token("dr.ada")).get(PLAN + "/api/dashboard?size=100").jsonPath().getList("items.patientId"))
                .doesNotContain(sam);
    }

    @Test
    @Order(2)
    void patientPaulHasThreeAnswersOfEachQuestionnaireOverSixWeeksAndOneDueToday() {
        String paul = as(token("patient.paul")).get(PLAN + "/api/me").path("id");
        JsonPath outcomes = as(token("dr.ada")).get(PLAN + "/api/patients/" + paul + "/outcomes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(outcomes.getList("instrument")).containsExactly("PSFS", "NPRS", "NDI");
        // the NDI with the demo clinic's placeholder text (docs/outcomes.md): sums 24, 18, 12, better by the MCID
        assertThat(outcomes.getList("find { it.instrument == 'NDI' }.scores")).hasSize(3);
        assertThat(outcomes.getString("find { it.instrument == 'NDI' }.verdict")).isEqualTo("BETTER");
        assertThat(outcomes.getString("find { it.instrument == 'NDI' }.title")).contains("demo placeholder");
        assertThat(outcomes.getList("find { it.instrument == 'PSFS' }.scores")).hasSize(3);
        assertThat(outcomes.getString("find { it.instrument == 'PSFS' }.verdict")).isEqualTo("BETTER");
        assertThat(outcomes.getList("find { it.instrument == 'NPRS' }.scores")).hasSize(3);
        assertThat(as(token("patient.paul")).get(PLAN + "/api/me/assessments/due").jsonPath().getList("instrument"))
                .containsExactlyInAnyOrder("PSFS", "NPRS", "NDI");
    }

    @Test
    @Order(3)
    void aSecondUpFailsFastNamingThePortsInUseAndLeavesTheFirstRunning() throws Exception {
        Path pidFile = RunningPlatform.launcher().data().resolve("spinewise.pid");
        String pidBefore = Files.exists(pidFile) ? Files.readString(pidFile) : null;

        Launcher.Result second = RunningPlatform.launcher().run("up", Duration.ofMinutes(2));

        assertThat(second.status()).isEqualTo(1);
        assertThat(second.took()).as("no waiting for start-up timeouts").isLessThan(Duration.ofSeconds(30));
        assertThat(second.output()).contains("Cannot start: ports ", "8080 (web-ui)", "8180 (Keycloak)",
                        "8082 (plan-service)", "are already in use")
                .doesNotContain("starting");
        if (!RunningPlatform.alreadyRunning()) {
            long pid = RunningPlatform.current().process().pid();
            assertThat(second.output()).contains("Spinewise is already running (pid " + pid + "); ./spinewise down stops it.");
            assertThat(RunningPlatform.current().process().isAlive()).isTrue();
            assertThat(Files.readString(pidFile)).isEqualTo(pidBefore);
        }
        for (int port : List.of(Platform.WEB_PORT, Platform.CATALOG_PORT, Platform.PLAN_PORT)) {
            assertThat(answer("http://localhost:" + port + "/q/health/ready").statusCode()).isEqualTo(200);
        }
        assertThat(token("patient.petra")).isNotBlank();
    }

    @Test
    @Order(4)
    void downStopsEveryPartFreesEveryPortAndSaysSo() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "the platform is not ours to stop");
        rememberDataForTheRestart();
        Launcher.Up running = RunningPlatform.current();
        List<ProcessHandle> parts = running.process().descendants().toList();
        assertThat(parts).as("Keycloak and the three services run as the launcher's children").hasSizeGreaterThanOrEqualTo(4);
        Path data = RunningPlatform.launcher().data();

        Launcher.Result down = RunningPlatform.launcher().run("down", Duration.ofMinutes(3));

        assertThat(down.status()).isZero();
        assertThat(down.output()).contains("Stopping Spinewise (pid " + running.process().pid() + ")",
                "Stopped; ports 5433, 8180, 9000, 3025, 3143, 8183, 8081, 8082, 8080, 9080 are free.");
        assertThat(running.process().isAlive()).isFalse();
        assertThat(parts).noneMatch(ProcessHandle::isAlive);
        assertThat(Platform.ports().keySet()).allMatch(LauncherIT::isFree);
        assertThat(data.resolve("spinewise.pid")).doesNotExist();
        // PostgreSQL shut down cleanly, not just lost its port
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();

        Launcher.Result again = RunningPlatform.launcher().run("down", Duration.ofMinutes(1));
        assertThat(again.status()).isZero();
        assertThat(again.output()).contains("Spinewise is not running");
    }

    @Test
    @Order(5)
    void upAgainKeepsAllDataAndARepeatedDemoLoadDoesNotDoubleIt() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "the platform is not ours to restart");
        // as after a start whose demo load failed half-way: the next up loads it again, over what is there
        Files.deleteIfExists(RunningPlatform.launcher().data().resolve("demo-activity-loaded"));

        Launcher.Up again = RunningPlatform.startAgain();

        assertThat(again.output()).contains("loading demo activity (plans and six weeks of check-offs) ... done",
                "Spinewise is up in");
        JsonPath paul = adherence("patient.paul");
        assertThat(paul.getInt("completed")).isEqualTo(paulBeforeTheRestart.getInt("completed"));
        assertThat(paul.getList("days")).isEqualTo(paulBeforeTheRestart.getList("days"));
        assertThat(as(token("patient.paul")).get(PLAN + "/api/me/plans").jsonPath().getList("id"))
                .hasSize(paulsPlansBeforeTheRestart);
        assertThat(RunningPlatform.launcher().data().resolve("demo-activity-loaded")).exists();
        String paulsId = as(token("patient.paul")).get(PLAN + "/api/me").path("id");
        assertThat(as(token("dr.ada")).get(PLAN + "/api/patients/" + paulsId + "/outcomes").jsonPath()
                .getList("scores.flatten()")).as("paul's questionnaire answers, not doubled: three each of PSFS, NPRS"
                        + " and NDI").hasSize(9);

        // what was enrolled through the API is still in plan-service's database and in Keycloak's store
        as(token("dr.ada")).get(PLAN + "/api/patients/" + enrolledPatientId + "/plans").then().statusCode(200)
                .body("[0].routine.slug", equalTo("mid-back-relief"));
        String patientToken = RunningPlatform.logins().firstLogin(enrolledUsername, enrolledPassword, "Thoracic-spine-2026",
                "web-ui", "web-ui-dev-secret", RunningPlatform.WEB + "/callback");
        as(patientToken).get(PLAN + "/api/me").then().statusCode(200).body("id", equalTo(enrolledPatientId));
        as(patientToken).get(CATALOG + "/api/routines/mid-back-relief").then().statusCode(200);
    }

    private static void rememberDataForTheRestart() {
        paulBeforeTheRestart = adherence("patient.paul");
        paulsPlansBeforeTheRestart = as(token("patient.paul")).get(PLAN + "/api/me/plans").jsonPath().getList("id").size();
        String email = "ines." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada"))
                .body(Map.of("firstName", "Ines", "lastName", "Restart", "email", email, "timeZone", "Europe/Zurich"))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        enrolledPatientId = enrolled.path("patient.id");
        enrolledUsername = enrolled.path("login.username");
        enrolledPassword = enrolled.path("login.temporaryPassword");
        as(token("dr.ada")).body(Map.of("routine", "mid-back-relief",
                        "schedule", Map.of("startDate", LocalDate.now(ZoneId.of("Europe/Zurich")).toString())))
                .post(PLAN + "/api/patients/" + enrolledPatientId + "/plans").then().statusCode(201);
    }

    private static JsonPath adherence(String patient) {
        return as(token(patient)).get(PLAN + "/api/me/adherence?days=true").then().statusCode(200).extract().jsonPath();
    }

    private static String lastCompletedDay(List<Map<String, Object>> days) {
        return days.stream().filter(day -> (Integer) day.get("completed") > 0).map(day -> (String) day.get("date"))
                .reduce((first, second) -> second).orElseThrow();
    }

    /** The "name  url" lines of the start-up summary. */
    private static Map<String, String> printedUrls(String output) {
        Map<String, String> urls = new LinkedHashMap<>();
        Matcher matcher = PRINTED_URL.matcher(output);
        while (matcher.find()) {
            urls.putIfAbsent(matcher.group(1), matcher.group(2).replaceAll(",$", ""));
        }
        return urls;
    }

    /** The answer itself, redirects not followed: a page that answers at all is one that a person can open. */
    private static HttpResponse<Void> answer(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
