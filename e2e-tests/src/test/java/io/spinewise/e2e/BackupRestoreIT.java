package io.spinewise.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.spinewise.launcher.Database;
import io.spinewise.launcher.Platform;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

import static io.restassured.RestAssured.given;
import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.CATALOG;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code ./spinewise backup} and {@code restore} on the demo platform with its six weeks of activity, a
 * patient enrolled after the demo (with the password they chose at their first login) and a clinic's
 * photo: a backup of the running platform, then of the stopped one; a truncated file refused with a
 * clear message and nothing changed; the data folder's databases, media, Keycloak store, VAPID keys and
 * demo marker wiped; the restore, after which every table of both databases is equal to before; and
 * after {@code up} still (the adherence rollup, a cache the service settles itself, through the API),
 * Paul's calendar feed the same, the audit chain intact through plan-service's own verification, the
 * photo served and the late patient able to sign in.
 */
class BackupRestoreIT {

    private static final Duration COMMAND = Duration.ofMinutes(5);

    @Test
    void aBackupRestoredIntoAWipedDataFolderBringsBackEveryTableTheLoginsAndTheMedia() throws Exception {
        assumeFalse(RunningPlatform.alreadyRunning(), "the platform is not ours to stop and wipe");
        RunningPlatform.get();
        Path data = RunningPlatform.launcher().data();
        Path backups = Files.createDirectories(Path.of("target/backups").toAbsolutePath());
        LatePatient late = enrolAfterTheDemo();
        String photo = uploadPhoto();
        String calendar = calendarOf("patient.paul");
        String adherence = adherenceOf("patient.paul");

        Launcher.Result online = RunningPlatform.launcher().run(COMMAND, "backup", backups.resolve("online.zip").toString());
        assertThat(online.status()).as(online.output()).isZero();
        assertThat(online.output()).contains("the platform is running: each database from one snapshot",
                "left out (Keycloak holds it open)", "Backup written: ");
        Launcher.Result refusedWhileRunning = RunningPlatform.launcher().run(COMMAND, "restore",
                backups.resolve("online.zip").toString());
        assertThat(refusedWhileRunning.status()).isEqualTo(1);
        assertThat(refusedWhileRunning.output()).contains("Cannot restore: Spinewise is running (pid",
                "Stop it with ./spinewise down, then restore.");

        assertThat(RunningPlatform.launcher().run("down", COMMAND).status()).isZero();
        Path file = backups.resolve("stopped.zip");
        Launcher.Result backup = RunningPlatform.launcher().run(COMMAND, "backup", file.toString());
        assertThat(backup.status()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("everything, Keycloak's store included", "store included (");
        Map<String, String> tables = TableDigests.ofStoppedPlatform(data);
        Map<String, String> media = TableDigests.ofFiles(data.resolve("media"));
        Map<String, String> keycloak = TableDigests.ofFiles(data.resolve("keycloak"));
        assertThat(tables).containsKeys("plan.audit_event", "plan.session_checkoff", "catalog.exercise");
        assertThat(media).as("the photo's object").isNotEmpty();

        // hostile: the same file cut short is refused before anything is touched
        Path truncated = backups.resolve("truncated.zip");
        byte[] whole = Files.readAllBytes(file);
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 4096));
        Launcher.Result refused = RunningPlatform.launcher().run(COMMAND, "restore", truncated.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.output()).contains("Cannot restore: " + truncated + " is not a complete Spinewise backup",
                "Nothing was changed.");
        assertThat(TableDigests.ofStoppedPlatform(data)).isEqualTo(tables);
        assertThat(TableDigests.ofFiles(data.resolve("media"))).isEqualTo(media);
        assertThat(TableDigests.ofFiles(data.resolve("keycloak"))).isEqualTo(keycloak);

        wipe(data);
        Launcher.Result restore = RunningPlatform.launcher().run(COMMAND, "restore", file.toString());
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("row counts match the backup", "store restored", "Restored.");
        assertThat(TableDigests.ofStoppedPlatform(data)).as("every table of both databases, restored").isEqualTo(tables);
        assertThat(TableDigests.ofFiles(data.resolve("media"))).as("media objects").isEqualTo(media);
        assertThat(TableDigests.ofFiles(data.resolve("keycloak"))).as("Keycloak's folder, its store included")
                .containsAllEntriesOf(keycloak.entrySet().stream().filter(e -> e.getKey().contains("/data/h2/"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

        Launcher.Up up = RunningPlatform.startAgain();
        assertThat(up.output()).as("the demo marker came back: no second demo load").doesNotContain("loading demo activity");
        // after the start too, but for the adherence rollup, a cache plan-service's job settles on its own schedule
        // (AdherenceRollupJob): what it serves is compared instead
        assertThat(withoutRollup(TableDigests.of(Platform.databaseFor(data)))).as("every table, after the start")
                .isEqualTo(withoutRollup(tables));
        String adherenceAfter = adherenceOf("patient.paul");
        String calendarAfter = calendarOf("patient.paul");
        if (todayOf(adherenceAfter).equals(todayOf(adherence))) {
            assertThat(adherenceAfter).as("Paul's adherence, day by day").isEqualTo(adherence);
            assertThat(calendarAfter).as("Paul's calendar feed").isEqualTo(calendar);
        }
        sameOnTheDaysBothCover(adherence, calendar, calendarAfter);
        as(token("admin.nora")).get(PLAN + "/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
        as(token("admin.sol")).get(PLAN + "/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
        given().auth().oauth2(token("admin.nora")).get(CATALOG + photo).then().statusCode(200).contentType("image/png");
        String lateToken = RunningPlatform.logins().accessToken(late.username(), late.password());
        as(lateToken).get(PLAN + "/api/me").then().statusCode(200).body("id", equalTo(late.id()));
    }

    private record LatePatient(String id, String username, String password) {
    }

    /** A patient enrolled now, who has signed in once and chosen a password: only Keycloak's store knows it. */
    private static LatePatient enrolAfterTheDemo() {
        String email = "bea." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada"))
                .body(Map.of("firstName", "Bea", "lastName", "Backup", "email", email, "timeZone", "Europe/Berlin"))
                .post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String id = enrolled.path("patient.id");
        String username = enrolled.path("login.username");
        as(token("dr.ada")).body(Map.of("routine", "mid-back-relief",
                        "schedule", Map.of("startDate", LocalDate.now(ZoneId.of("Europe/Berlin")).toString())))
                .post(PLAN + "/api/patients/" + id + "/plans").then().statusCode(201);
        String password = "Backup-restore-2026";
        RunningPlatform.logins().firstLogin(username, enrolled.path("login.temporaryPassword"), password,
                "web-ui", "web-ui-dev-secret", RunningPlatform.WEB + "/callback");
        return new LatePatient(id, username, password);
    }

    /** A clinic exercise with a PNG photo, stored in the media store; its path on catalog-service. */
    private static String uploadPhoto() throws IOException, InterruptedException {
        String slug = "backup-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        as(token("admin.nora")).body(Map.of("slug", slug, "name", "Backup photo " + slug, "bodyRegion", "THORACIC",
                        "category", "STRETCH", "summary", "Open the chest in a doorway.", "steps", List.of("Stand in a doorway."),
                        "position", "STANDING", "dosage", Map.of("holdSeconds", Map.of("min", 20, "max", 30), "sets", 2,
                                "sides", "BOTH"), "status", "PUBLISHED"))
                .post(CATALOG + "/api/exercises").then().statusCode(201);
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x3366cc);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        // a multipart body of a known length: catalog-service refuses a chunked upload (411)
        String boundary = "spinewise-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\nA doorway\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(CATALOG + "/api/exercises/" + slug + "/media"))
                .header("Authorization", "Bearer " + token("admin.nora"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return added.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static Map<String, String> withoutRollup(Map<String, String> tables) {
        Map<String, String> rest = new TreeMap<>(tables);
        rest.keySet().removeAll(List.of("plan.adherence_day", "plan.adherence_rollup"));
        return rest;
    }

    private static String adherenceOf(String patient) {
        return as(token(patient)).get(PLAN + "/api/me/adherence?days=true").then().statusCode(200).extract().asString();
    }

    private static String todayOf(String adherence) {
        return JsonPath.from(adherence).getString("today");
    }

    /**
     * For when midnight in Paul's zone falls between the reads before and after (the test takes minutes):
     * what plan-service serves also follows his today. The adherence is read again over the first read's
     * window and compared without today and the current streak, the two figures that follow the clock;
     * the calendar's sessions on the days both feeds' windows cover are compared.
     */
    private static void sameOnTheDaysBothCover(String adherence, String calendar, String calendarAfter) {
        Map<String, Object> before = JsonPath.from(adherence).getMap("$");
        Map<String, Object> after = JsonPath.from(as(token("patient.paul"))
                .get(PLAN + "/api/me/adherence?days=true&from=" + before.get("from") + "&to=" + before.get("to"))
                .then().statusCode(200).extract().asString()).getMap("$");
        for (Map<String, Object> figures : List.of(before, after)) {
            figures.keySet().removeAll(List.of("today", "currentStreak"));
        }
        assertThat(after).as("Paul's adherence, day by day, over the same days").isEqualTo(before);

        TreeMap<String, List<String>> sessions = sessionsByDay(calendar);
        TreeMap<String, List<String>> sessionsAfter = sessionsByDay(calendarAfter);
        String first = max(sessions.firstKey(), sessionsAfter.firstKey());
        String last = min(sessions.lastKey(), sessionsAfter.lastKey());
        assertThat(sessionsAfter.subMap(first, true, last, true)).as("Paul's calendar feed, " + first + " to " + last)
                .isNotEmpty().isEqualTo(sessions.subMap(first, true, last, true));
    }

    /** A feed's events by the day they start on (yyyyMMdd of DTSTART); its head, VTIMEZONE included, left out. */
    private static TreeMap<String, List<String>> sessionsByDay(String feed) {
        TreeMap<String, List<String>> byDay = new TreeMap<>();
        String[] parts = feed.split("BEGIN:VEVENT");
        for (String event : Arrays.copyOfRange(parts, 1, parts.length)) {
            event.lines().filter(line -> line.startsWith("DTSTART")).findFirst().ifPresent(start ->
                    byDay.computeIfAbsent(start.substring(start.indexOf(':') + 1, start.indexOf(':') + 9),
                            day -> new ArrayList<>()).add(event.substring(0, event.indexOf("END:VEVENT"))));
        }
        return byDay;
    }

    private static String max(String a, String b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The patient's iCalendar feed, its DTSTAMP lines (the time of the request) left out. */
    private static String calendarOf(String patient) {
        String feed = as(token(patient)).body(Map.of()).put(PLAN + "/api/me/calendar-feed").then().statusCode(200)
                .extract().path("feedPath");
        return given().get(PLAN + feed).then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.startsWith("DTSTAMP")).collect(Collectors.joining("\n"));
    }

    /** The data as a lost disk leaves it: no databases, no media, no Keycloak store, no keys, no demo marker. */
    private static void wipe(Path data) throws Exception {
        Database database = Platform.databaseFor(data);
        database.start(Duration.ofMinutes(2));
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl("postgres"), database.user(),
                database.password()); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE plan WITH (FORCE)");
            sql.execute("DROP DATABASE catalog WITH (FORCE)");
        } finally {
            database.stop();
        }
        RunningPlatform.deleteTree(data.resolve("media"));
        RunningPlatform.deleteTree(data.resolve("keycloak"));
        Files.deleteIfExists(data.resolve("vapid.properties"));
        Files.deleteIfExists(data.resolve("demo-activity-loaded"));
    }
}
