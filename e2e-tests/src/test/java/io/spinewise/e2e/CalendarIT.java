package io.spinewise.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.spinewise.e2e.MainStoryIT.as;
import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static io.spinewise.e2e.RunningPlatform.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adherence calendar on the chiropractor's patient page and on the patient's Progress page,
 * against the real plan-service: every cell's state and words agree with plan-service's own
 * per-day figures for the same days (read from its API, not written here), the demo history's
 * done and missed days show, and a day with some of its sessions done shows as partial. The
 * demo history has one session a day, so it has no partial days: a fresh patient with two
 * sessions a day supplies them. Screenshots of both calendars at desktop and phone widths.
 */
@ExtendWith(PagesOnFailure.class)
class CalendarIT {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** One cell as drawn: its state (the class after {@code day}) and its words for screen readers. */
    record Cell(LocalDate date, String state, String words) {
    }

    @BeforeAll
    static void platformIsUp() {
        RunningPlatform.get();
    }

    @Test
    void thePatientPageShowsTheDemoHistoryAsPlanServiceCountsIt() {
        String petra = as(token("patient.petra")).get(PLAN + "/api/me").then().statusCode(200).extract().path("id");
        Browser chiropractor = SignedIn.as("dr.ada");
        chiropractor.open(WEB + "/patients/" + petra);
        Map<LocalDate, Cell> cells = cells(chiropractor);

        Map<LocalDate, String> expected = expectedStates(cells, "/api/patients/" + petra + "/adherence", token("dr.ada"));
        assertThat(states(cells)).isEqualTo(expected);
        // six weeks of a patient who exercises about half the time: both kinds of day are in five weeks
        assertThat(expected).containsValues("done", "missed");
        chiropractor.screenshots("calendar-patient-page");
    }

    @Test
    void progressShowsThePatientsOwnHistoryAsPlanServiceCountsIt() {
        Browser paul = SignedIn.as("patient.paul");
        paul.open(WEB + "/progress");
        Map<LocalDate, Cell> cells = cells(paul);

        Map<LocalDate, String> expected = expectedStates(cells, "/api/me/adherence", token("patient.paul"));
        assertThat(states(cells)).isEqualTo(expected);
        assertThat(expected).containsValue("done");
        paul.screenshots("calendar-progress");
    }

    @Test
    void aDayWithSomeOfItsSessionsDoneIsPartial() {
        String zone = "Europe/Zurich";
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        String email = "twice." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Response enrolled = as(token("dr.ada")).body(Map.of("firstName", "Tess", "lastName", "Twice", "email", email,
                "timeZone", zone)).post(PLAN + "/api/patients");
        enrolled.then().statusCode(201);
        String patientId = enrolled.path("patient.id");
        String planId = as(token("dr.ada")).body(Map.of("routine", "mid-back-relief", "schedule", Map.of(
                        "startDate", today.minusDays(3).toString(), "sessionsPerDay", 2)))
                .post(PLAN + "/api/patients/" + patientId + "/plans").then().statusCode(201).extract().path("id");
        String patientToken = RunningPlatform.logins().firstLogin(enrolled.path("login.username"),
                enrolled.path("login.temporaryPassword"), "Thoracic-spine-2026", "web-ui", "web-ui-dev-secret", WEB + "/callback");
        // three days ago nothing, the day before yesterday one of two sessions, yesterday both
        checkOff(patientToken, planId, today.minusDays(2), 1);
        checkOff(patientToken, planId, today.minusDays(1), 1);
        checkOff(patientToken, planId, today.minusDays(1), 2);

        Browser chiropractor = SignedIn.as("dr.ada");
        chiropractor.open(WEB + "/patients/" + patientId);
        Map<LocalDate, Cell> cells = cells(chiropractor);
        assertThat(states(cells)).isEqualTo(expectedStates(cells, "/api/patients/" + patientId + "/adherence", token("dr.ada")));
        assertThat(cells.get(today.minusDays(3)).state()).isEqualTo("missed");
        assertThat(cells.get(today.minusDays(2)).state()).isEqualTo("partial");
        assertThat(cells.get(today.minusDays(2)).words()).endsWith(": 1 of 2 sessions done");
        assertThat(cells.get(today.minusDays(1)).state()).isEqualTo("done");
        assertThat(cells.get(today.minusDays(4)).state()).isEqualTo("rest");
        // nothing done yet today: the day is not over, so it is not missed
        assertThat(cells.get(today).state()).isEqualTo("today");
        chiropractor.screenshots("calendar-partial-day");
    }

    private static void checkOff(String patientToken, String planId, LocalDate date, int slot) {
        as(patientToken).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("planId", planId, "date", date.toString(), "slot", slot,
                        "items", List.of(Map.of("exercise", "cat-cow", "done", true))))
                .post(PLAN + "/api/me/sessions").then().statusCode(201);
    }

    /** The calendar's cells, read from the page as drawn. */
    @SuppressWarnings("unchecked")
    private static Map<LocalDate, Cell> cells(Browser browser) {
        browser.find("table.calendar");
        List<List<String>> raw = (List<List<String>>) browser.script("""
                return [...document.querySelectorAll('table.calendar td.day')]
                    .map(td => [td.className, td.querySelector('.visually-hidden').textContent]);
                """);
        Map<LocalDate, Cell> cells = new LinkedHashMap<>();
        for (List<String> cell : raw) {
            String words = cell.get(1);
            LocalDate date = LocalDate.parse(words.substring(0, words.indexOf(':')), LABEL);
            cells.put(date, new Cell(date, stateOf(cell.get(0)), words));
        }
        assertThat(cells).as("calendar cells").isNotEmpty();
        return cells;
    }

    private static Map<LocalDate, String> states(Map<LocalDate, Cell> cells) {
        Map<LocalDate, String> states = new LinkedHashMap<>();
        cells.forEach((date, cell) -> states.put(date, cell.state()));
        return states;
    }

    /** The cell's state: its classes besides {@code day} ("day today" is "today", not "to"). */
    private static String stateOf(String classes) {
        return Arrays.stream(classes.split("\\s+")).filter(c -> !c.equals("day")).collect(Collectors.joining(" "));
    }

    /**
     * What each drawn day should show, from plan-service's per-day figures over the period the
     * page shows (its first and last day that are not outside it): outside, upcoming (after the
     * patient's today), rest (nothing scheduled), else done, partial or missed — or "today" for
     * today while it is unfinished.
     */
    private static Map<LocalDate, String> expectedStates(Map<LocalDate, Cell> cells, String adherencePath, String token) {
        List<LocalDate> inPeriod = cells.values().stream().filter(c -> !"outside".equals(c.state())).map(Cell::date).toList();
        LocalDate from = inPeriod.get(0);
        LocalDate to = inPeriod.get(inPeriod.size() - 1);
        Response adherence = as(token).get(PLAN + adherencePath + "?from=" + from + "&to=" + to + "&days=true");
        adherence.then().statusCode(200);
        LocalDate today = LocalDate.parse(adherence.path("today"));
        Map<LocalDate, int[]> figures = new HashMap<>();
        List<Map<String, Object>> days = adherence.path("days");
        for (Map<String, Object> day : days) {
            figures.put(LocalDate.parse((String) day.get("date")),
                    new int[] {(Integer) day.get("scheduled"), (Integer) day.get("completed")});
        }
        assertThat(figures).as("plan-service's days for " + from + ".." + to).isNotEmpty();
        Map<LocalDate, String> expected = new LinkedHashMap<>();
        for (LocalDate date : cells.keySet()) {
            int[] f = figures.get(date);
            String state = date.isBefore(from) || date.isAfter(to) ? "outside"
                    : date.isAfter(today) ? "upcoming"
                    : f == null || f[0] == 0 ? "rest"
                    : f[1] >= f[0] ? "done" : date.equals(today) ? "today" : f[1] > 0 ? "partial" : "missed";
            expected.put(date, state);
            if (f != null && f[0] > 0 && !date.isAfter(today)) {
                assertThat(cells.get(date).words()).as(date.toString()).contains(": ").contains(f[1] + " of " + f[0] + " sessions done");
            }
        }
        return expected;
    }
}
