package io.spinewise.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spinewise.e2e.oracle.AdherenceDefinition;
import io.spinewise.e2e.oracle.Histories;
import io.spinewise.e2e.oracle.History;
import io.spinewise.e2e.oracle.HistoryRows;
import io.spinewise.e2e.oracle.Mismatches;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.spinewise.e2e.RunningPlatform.PLAN;
import static io.spinewise.e2e.RunningPlatform.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adherence oracle: at least 2,000 random histories (a fixed, printed seed; override with
 * {@code -Dspinewise.oracle.seed=...}, the number with {@code -Dspinewise.oracle.histories=...})
 * are put straight into the plan database of the running platform, in a clinic of their own,
 * and every path that computes adherence is held to {@link AdherenceDefinition}, which shares no
 * code with plan-service or web-ui: the Java rule (plan-service's adherence API, per patient and
 * per plan), the dashboard's SQL, the CSV export (the shipped COPY statement, streamed over HTTP)
 * and the calendar cells of web-ui's patient page in Chromium. 0 mismatches.
 *
 * <p>Each patient's today comes from this JVM's clock and the patient's zone, read before and
 * after each request: when a patient's date changed during a request (a run near midnight in
 * that zone), the answer must match the figures of one of the two dates.
 */
class AdherenceOracleIT {

    private static final long DEFAULT_SEED = 20_261_128L;
    private static final int DEFAULT_HISTORIES = 2_000;
    private static final int THREADS = 4;
    /** The dashboard's defaults (plan-service configuration), which a clinic without settings uses. */
    private static final int DASHBOARD_STREAK_HORIZON = 90;
    private static final double LOW_ADHERENCE_BELOW = 60;
    private static final int INACTIVE_DAYS = 5;
    private static final DateTimeFormatter CELL_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static long seed;
    private static OracleClinic clinic;
    private static String otherPrescriber;
    private static List<History> histories;
    private static Map<UUID, AdherenceDefinition> definitions;

    @BeforeAll
    static void historiesAreInThePlanDatabase() throws SQLException {
        seed = Long.getLong("spinewise.oracle.seed", DEFAULT_SEED);
        int count = Integer.getInteger("spinewise.oracle.histories", DEFAULT_HISTORIES);
        System.out.println("adherence oracle: seed " + seed + ", " + count + " histories"
                + " (run again with -Dspinewise.oracle.seed=" + seed + ")");
        clinic = OracleClinic.create(HTTP);
        long started = System.nanoTime();
        otherPrescriber = new UUID(seed, 1).toString();
        Histories random = new Histories(seed, Instant.now(), clinic.userId(), otherPrescriber);
        histories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            histories.add(random.next(i));
        }
        definitions = histories.stream().collect(Collectors.toMap(History::patientId, AdherenceDefinition::new));
        try (Connection c = RunningPlatform.connect("plan")) {
            HistoryRows.write(c, clinic.clinicId(), "Orla Oracle", histories);
        }
        System.out.printf("adherence oracle: %d patients, %d plans, %d check-offs in clinic %s, made and loaded in"
                        + " %d ms%n", histories.size(), histories.stream().mapToInt(h -> h.plans().size()).sum(),
                histories.stream().mapToInt(h -> h.checkOffs().size()).sum(), clinic.clinicId(),
                (System.nanoTime() - started) / 1_000_000);
        theHistoriesHoldEveryFeature();
    }

    /** The histories are worth checking: every feature of the rule occurs, many times. */
    private static void theHistoriesHoldEveryFeature() {
        List<History.Plan> plans = histories.stream().flatMap(h -> h.plans().stream()).toList();
        List<History.CheckOff> checkOffs = histories.stream().flatMap(h -> h.checkOffs().stream()).toList();
        Map<String, Long> features = Map.of(
                "plan edits", plans.stream().mapToLong(p -> p.versions().size() - 1L).sum(),
                "pauses", plans.stream().mapToLong(p -> p.pauses().size()).sum(),
                "completed plans", plans.stream().filter(p -> p.completedOn() != null).count(),
                "undone check-offs", checkOffs.stream().filter(c -> !c.live()).count(),
                "late check-offs", histories.stream().mapToLong(h -> h.checkOffs().stream()
                        .filter(c -> c.createdAt().atZone(h.zone()).toLocalDate().isAfter(c.date())).count()).sum(),
                "time zones", histories.stream().map(History::zone).distinct().count());
        System.out.println("adherence oracle: the histories hold " + features);
        assertThat(features).allSatisfy((feature, count) -> assertThat(count).as(feature).isGreaterThan(10));
    }

    // --- the Java rule, as plan-service serves it ---

    @Test
    void theJavaRuleServedPerPatientAndPerPlanFollowsTheDefinition() {
        Mismatches patients = new Mismatches(seed, "GET /api/patients/{id}/adherence?days=true");
        inParallel(histories, h -> {
            Instant before = Instant.now();
            HttpResponse<String> response = get(PLAN + "/api/patients/" + h.patientId() + "/adherence?days=true");
            Instant after = Instant.now();
            if (response.statusCode() != 200) {
                patients.add(h, "answered " + response.statusCode() + " " + response.body());
                return;
            }
            wholeHistory(h, definitions.get(h.patientId()), json(response), todays(h.zone(), before, after), patients);
        });

        Mismatches plans = new Mismatches(seed, "GET /api/plans/{id}/adherence?days=true&from=&to=");
        Random windows = new Random(seed + 1);
        List<Runnable> checks = new ArrayList<>();
        for (History h : histories) {
            if (h.plans().isEmpty()) {
                continue;
            }
            History.Plan plan = h.plans().get(windows.nextInt(h.plans().size()));
            LocalDate from = LocalDate.now(h.zone()).minusDays(windows.nextInt(240));
            LocalDate to = from.plusDays(windows.nextInt(150));
            checks.add(() -> onePlan(h, plan, from, to, plans));
        }
        inParallel(checks, Runnable::run);

        System.out.println("adherence oracle: Java rule checked on " + histories.size() + " patients and "
                + checks.size() + " plans");
        assertThat(patients.count() + plans.count()).as(patients.report() + "\n" + plans.report()).isZero();
    }

    /** The patient's whole history: no {@code from} (the first scheduled day) and no {@code to} (today). */
    private static void wholeHistory(History h, AdherenceDefinition expected, JsonNode view, List<LocalDate> todays,
                                     Mismatches mismatches) {
        LocalDate today = LocalDate.parse(view.path("today").asText());
        if (!todays.contains(today)) {
            mismatches.add(h, "today is " + today + ", but the patient's today is " + todays);
            return;
        }
        LocalDate from = LocalDate.parse(view.path("from").asText());
        LocalDate to = LocalDate.parse(view.path("to").asText());
        LocalDate first = expected.firstScheduledDay(today);
        if (!to.equals(today)) {
            mismatches.add(h, "the window ends " + to + ", not today " + today);
        }
        if (first != null && from.isAfter(first)) {
            mismatches.add(h, "the window starts " + from + ", after the first scheduled day " + first);
        }
        sameDays(h, expected.days(from, to, today), view.path("days"), mismatches);
        LocalDate start = first == null ? today : first;
        sameFigures(h, "whole history", expected.totalsToDate(today), expected.currentStreak(start, today, today),
                expected.longestStreak(start, today, today), view, mismatches);
    }

    private static void onePlan(History h, History.Plan plan, LocalDate from, LocalDate to, Mismatches mismatches) {
        Instant before = Instant.now();
        HttpResponse<String> response = get(PLAN + "/api/plans/" + plan.id() + "/adherence?days=true&from=" + from
                + "&to=" + to);
        List<LocalDate> todays = todays(h.zone(), before, Instant.now());
        String window = "plan " + plan.id() + " " + from + ".." + to;
        if (response.statusCode() != 200) {
            mismatches.add(h, window + " answered " + response.statusCode() + " " + response.body());
            return;
        }
        JsonNode view = json(response);
        LocalDate today = LocalDate.parse(view.path("today").asText());
        if (!todays.contains(today)) {
            mismatches.add(h, window + ": today is " + today + ", but the patient's today is " + todays);
            return;
        }
        History alone = new History(h.number(), h.patientId(), h.firstName(), h.lastName(), h.zone(), List.of(plan),
                h.checkOffs().stream().filter(c -> c.planId().equals(plan.id())).toList());
        AdherenceDefinition expected = new AdherenceDefinition(alone);
        LocalDate last = to.isBefore(today) ? to : today;
        if (!LocalDate.parse(view.path("from").asText()).equals(from)
                || !LocalDate.parse(view.path("to").asText()).equals(last)) {
            mismatches.add(h, window + ": served the window " + view.path("from").asText() + ".."
                    + view.path("to").asText() + ", expected " + from + ".." + last);
        }
        sameDays(h, expected.days(from, to, today), view.path("days"), mismatches);
        sameFigures(h, window, expected.totals(from, to, today), expected.currentStreak(from, to, today),
                expected.longestStreak(from, to, today), view, mismatches);
    }

    private static void sameDays(History h, List<AdherenceDefinition.Day> expected, JsonNode served,
                                 Mismatches mismatches) {
        if (served.size() != expected.size()) {
            mismatches.add(h, "served " + served.size() + " days, expected " + expected.size());
        }
        for (int i = 0; i < Math.min(served.size(), expected.size()); i++) {
            AdherenceDefinition.Day e = expected.get(i);
            JsonNode s = served.get(i);
            if (!s.path("date").asText().equals(e.date().toString()) || s.path("scheduled").asInt() != e.scheduled()
                    || s.path("completed").asInt() != e.completed()) {
                mismatches.add(h, "day " + e.date() + ": expected " + e.completed() + " of " + e.scheduled()
                        + ", served " + s);
                return;
            }
        }
    }

    private static void sameFigures(History h, String window, AdherenceDefinition.Totals totals, int streak,
                                    int longest, JsonNode view, Mismatches mismatches) {
        AdherenceDefinition.Totals served = new AdherenceDefinition.Totals(view.path("scheduled").asLong(),
                view.path("completed").asLong(), number(view.path("percentage")));
        if (!served.equals(totals)) {
            mismatches.add(h, window + ": totals " + served + ", expected " + totals);
        }
        if (view.path("currentStreak").asInt() != streak || view.path("longestStreak").asInt() != longest) {
            mismatches.add(h, window + ": streak " + view.path("currentStreak") + ", longest "
                    + view.path("longestStreak") + "; expected " + streak + " and " + longest);
        }
    }

    // --- the dashboard's SQL ---

    @Test
    void theDashboardFollowsTheDefinitionOnEveryPage() {
        Mismatches mismatches = new Mismatches(seed, "GET /api/dashboard");
        Map<UUID, JsonNode> rows = new HashMap<>();
        Map<UUID, List<Instant>> askedAt = new HashMap<>();
        int page = 0;
        long total;
        do {
            Instant before = Instant.now();
            HttpResponse<String> response = get(PLAN + "/api/dashboard?size=100&page=" + page++);
            Instant after = Instant.now();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json(response);
            total = body.path("total").asLong();
            for (JsonNode row : body.path("items")) {
                UUID id = UUID.fromString(row.path("patientId").asText());
                assertThat(rows.put(id, row)).as("patient " + id + " on two pages").isNull();
                askedAt.put(id, List.of(before, after));
            }
        } while (rows.size() < total && page < 1000);
        assertThat(total).as("the clinic's patients").isEqualTo(histories.size());

        for (History h : histories) {
            JsonNode row = rows.get(h.patientId());
            if (row == null) {
                mismatches.add(h, "not on the dashboard");
                continue;
            }
            List<LocalDate> todays = todays(h.zone(), askedAt.get(h.patientId()).get(0), askedAt.get(h.patientId()).get(1));
            List<String> differences = List.of();
            for (LocalDate today : todays) {
                differences = dashboardDifferences(definitions.get(h.patientId()), row, today);
                if (differences.isEmpty()) {
                    break;
                }
            }
            differences.forEach(d -> mismatches.add(h, d));
        }
        System.out.println("adherence oracle: dashboard checked on " + rows.size() + " patients, " + page + " pages");
        assertThat(mismatches.count()).as(mismatches.report()).isZero();
    }

    private static List<String> dashboardDifferences(AdherenceDefinition expected, JsonNode row, LocalDate today) {
        List<String> differences = new ArrayList<>();
        AdherenceDefinition.Totals week = expected.totals(today.minusDays(6), today, today);
        AdherenceDefinition.Totals month = expected.totals(today.minusDays(29), today, today);
        window(differences, "last 7 days", expected, today.minusDays(6), today, week, row.path("last7Days"));
        window(differences, "last 30 days", expected, today.minusDays(29), today, month, row.path("last30Days"));

        AdherenceDefinition.HorizonStreak streak = expected.horizonStreak(today, DASHBOARD_STREAK_HORIZON);
        int served = row.path("streak").asInt();
        boolean atLeast = row.path("streakAtLeast").asBoolean();
        if (!atLeast && served != streak.full()) {
            differences.add("(today " + today + ") streak " + served + " given as exact, expected " + streak.full()
                    + " (" + streak.inHorizon() + " of them in the last " + DASHBOARD_STREAK_HORIZON + " days)");
        }
        if (atLeast && (served != streak.inHorizon() || streak.missInHorizon())) {
            differences.add("(today " + today + ") streak 'at least " + served + "', expected "
                    + (streak.missInHorizon() ? "exactly " + streak.full() : "at least " + streak.inHorizon()));
        }

        LocalDate last = expected.lastSession(today);
        String servedLast = text(row.path("lastSession"));
        if (!Objects.equals(servedLast, last == null ? null : last.toString())) {
            differences.add("(today " + today + ") last session " + servedLast + ", expected " + last);
        }

        Set<String> flags = new HashSet<>();
        row.path("flags").forEach(f -> flags.add(f.asText()));
        boolean low = month.percentage() != null && month.percentage() < LOW_ADHERENCE_BELOW;
        boolean inactive = expected.totals(today.minusDays(INACTIVE_DAYS - 1L), today, today).scheduled() > 0
                && (last == null || !last.isAfter(today.minusDays(INACTIVE_DAYS)));
        if (flags.contains("LOW_ADHERENCE") != low || flags.contains("INACTIVE") != inactive) {
            differences.add("(today " + today + ") flags " + flags + ", expected LOW_ADHERENCE " + low + ", INACTIVE "
                    + inactive);
        }
        return differences;
    }

    private static void window(List<String> differences, String name, AdherenceDefinition expected, LocalDate from,
                               LocalDate today, AdherenceDefinition.Totals totals, JsonNode served) {
        AdherenceDefinition.Totals got = new AdherenceDefinition.Totals(served.path("scheduled").asLong(),
                served.path("completed").asLong(), number(served.path("percentage")));
        if (!got.equals(totals)) {
            differences.add("(today " + today + ") " + name + ": " + got + ", expected " + totals + " from the days "
                    + expected.days(from, today, today).stream().filter(d -> d.scheduled() > 0)
                    .map(d -> d.date() + " " + d.completed() + "/" + d.scheduled()).collect(Collectors.joining(", ")));
        }
    }

    // --- the CSV export: the COPY statement as shipped ---

    @Test
    void theCsvExportFollowsTheDefinitionForEveryPatientAndDay() throws IOException {
        LocalDate latest = histories.stream().map(h -> LocalDate.now(h.zone())).max(LocalDate::compareTo).orElseThrow();
        LocalDate from = histories.stream().flatMap(h -> h.plans().stream()).flatMap(p -> p.versions().stream())
                .map(History.Version::effectiveFrom).min(LocalDate::compareTo).orElse(latest).minusDays(8);
        LocalDate to = latest.plusDays(1);
        Mismatches mismatches = new Mismatches(seed, "GET /api/reports/adherence.csv?from=" + from + "&to=" + to);

        Instant before = Instant.now();
        Map<UUID, List<String[]>> rows = csv(PLAN + "/api/reports/adherence.csv?from=" + from + "&to=" + to);
        Instant after = Instant.now();
        assertThat(rows.keySet()).as("patients in the report").isEqualTo(definitions.keySet());

        for (History h : histories) {
            List<String[]> served = rows.get(h.patientId());
            List<String> differences = List.of();
            for (LocalDate today : todays(h.zone(), before, after)) {
                differences = csvDifferences(h, definitions.get(h.patientId()), served, from, to, today);
                if (differences.isEmpty()) {
                    break;
                }
            }
            differences.forEach(d -> mismatches.add(h, d));
        }

        // the prescriber filter keeps exactly the patients with a plan by that prescriber
        LocalDate week = to.minusDays(6);
        Set<UUID> filtered = csv(PLAN + "/api/reports/adherence.csv?from=" + week + "&to=" + to
                + "&chiropractor=" + otherPrescriber).keySet();
        Set<UUID> theirs = histories.stream().filter(h -> h.plans().stream()
                .anyMatch(p -> p.createdBy().equals(otherPrescriber))).map(History::patientId).collect(Collectors.toSet());
        System.out.println("adherence oracle: CSV checked on " + rows.size() + " patients, "
                + rows.values().stream().mapToInt(List::size).sum() + " rows");
        assertThat(mismatches.count()).as(mismatches.report()).isZero();
        assertThat(filtered).as("patients with a plan by " + otherPrescriber).isEqualTo(theirs);
    }

    private static List<String> csvDifferences(History h, AdherenceDefinition expected, List<String[]> served,
                                               LocalDate from, LocalDate to, LocalDate today) {
        List<AdherenceDefinition.Day> days = expected.days(from, to, today);
        if (served.size() != days.size()) {
            return served.isEmpty() ? List.of("no rows") : List.of("(today " + today + ") " + served.size() + " rows, expected " + days.size()
                    + " (" + from + ".." + (to.isBefore(today) ? to : today) + "); last row "
                    + String.join(",", served.get(served.size() - 1)));
        }
        for (int i = 0; i < days.size(); i++) {
            AdherenceDefinition.Day e = days.get(i);
            String[] row = served.get(i);
            if (!row[1].equals(nameCell(h.name())) || !row[2].equals(e.date().toString())
                    || Integer.parseInt(row[3]) != e.scheduled() || Integer.parseInt(row[4]) != e.completed()) {
                return List.of("(today " + today + ") day " + e.date() + ": expected \"" + nameCell(h.name()) + "\" "
                        + e.completed() + " of " + e.scheduled() + ", row " + String.join(" | ", row));
            }
        }
        return List.of();
    }

    /**
     * A name as the CSV must carry it: one that begins with = + - @, a tab or a carriage return
     * would run as a formula in a spreadsheet, so it gets a leading ' (OWASP's CSV injection advice);
     * any other name as it is.
     */
    private static String nameCell(String name) {
        return !name.isEmpty() && "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }

    /** The report's rows by patient, in the order sent; checks the header. */
    private static Map<UUID, List<String[]>> csv(String url) throws IOException {
        HttpResponse<InputStream> response = send(url, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        Map<UUID, List<String[]>> rows = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("patient_id,patient_name,date,scheduled,completed");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = CsvLine.split(line);
                assertThat(fields).as(line).hasSize(5);
                rows.computeIfAbsent(UUID.fromString(fields[0]), k -> new ArrayList<>()).add(fields);
            }
        }
        return rows;
    }

    // --- the calendar cells of web-ui's patient page ---

    @Test
    void theCalendarCellsOfThePatientPageFollowTheDefinition() {
        Mismatches mismatches = new Mismatches(seed, "web-ui /patients/{id}?from=&to= calendar");
        Random windows = new Random(seed + 2);
        Map<History, LocalDate[]> periods = new HashMap<>();
        List<String> paths = new ArrayList<>();
        for (History h : histories) {
            LocalDate from = LocalDate.now(h.zone()).minusDays(7 + windows.nextInt(140));
            LocalDate to = from.plusDays(14 + windows.nextInt(60));
            periods.put(h, new LocalDate[] {from, to});
            paths.add("/patients/" + h.patientId() + "?from=" + from + "&to=" + to);
        }
        List<CalendarPages.Page> pages;
        Instant before;
        Instant after;
        try (Browser browser = new Browser()) {
            browser.openAs(WEB + "/patients", clinic.username(), clinic.password());
            assertThat(browser.path()).as("signed in to the web-ui").isEqualTo("/patients");
            before = Instant.now();
            pages = CalendarPages.read(browser, paths);
            after = Instant.now();
        }
        for (int i = 0; i < histories.size(); i++) {
            History h = histories.get(i);
            CalendarPages.Page page = pages.get(i);
            if (page.status() != 200) {
                mismatches.add(h, paths.get(i) + " answered " + page.status() + " " + page.error());
                continue;
            }
            List<String> differences = List.of();
            for (LocalDate today : todays(h.zone(), before, after)) {
                differences = calendarDifferences(definitions.get(h.patientId()), page.cells(), periods.get(h)[0],
                        periods.get(h)[1], today);
                if (differences.isEmpty()) {
                    break;
                }
            }
            differences.forEach(d -> mismatches.add(h, d));
        }
        System.out.println("adherence oracle: calendar checked on " + pages.size() + " patient pages, "
                + pages.stream().mapToInt(p -> p.cells().size()).sum() + " cells");
        assertThat(mismatches.count()).as(mismatches.report()).isZero();
    }

    /**
     * Whole weeks of consecutive days from a Monday, covering the period up to today; a day of
     * the period up to today shows its figures, a day after today is "upcoming" or left out of
     * the period, a day outside the period is "outside".
     */
    private static List<String> calendarDifferences(AdherenceDefinition expected, List<CalendarPages.Cell> cells,
                                                    LocalDate from, LocalDate to, LocalDate today) {
        String context = "(today " + today + ", period " + from + ".." + to + ") ";
        if (cells.isEmpty() || cells.size() % 7 != 0) {
            return List.of(context + cells.size() + " cells, not whole weeks");
        }
        LocalDate first;
        try {
            first = LocalDate.parse(cells.get(0).label().split(":")[0], CELL_DAY);
        } catch (DateTimeParseException e) {
            return List.of(context + "the first cell names no day: \"" + cells.get(0).label() + "\"");
        }
        LocalDate last = to.isBefore(today) ? to : today;
        if (first.getDayOfWeek().getValue() != 1 || first.isAfter(from)
                || first.plusDays(cells.size() - 1L).isBefore(last)) {
            return List.of(context + "the calendar runs " + first + ".." + first.plusDays(cells.size() - 1L));
        }
        for (int i = 0; i < cells.size(); i++) {
            LocalDate date = first.plusDays(i);
            CalendarPages.Cell cell = cells.get(i);
            String words = CELL_DAY.format(date);
            boolean ok;
            String wanted;
            if (date.isBefore(from) || date.isAfter(to)) {
                wanted = "outside";
                ok = cell.state().equals("outside") && cell.label().equals(words + ": outside the period");
            } else if (date.isAfter(today)) {
                wanted = "upcoming (or outside)";
                ok = cell.state().equals("upcoming") && cell.label().equals(words + ": upcoming")
                        || cell.state().equals("outside") && cell.label().equals(words + ": outside the period");
            } else {
                AdherenceDefinition.Day day = expected.day(date);
                if (day.scheduled() == 0) {
                    wanted = "rest: nothing scheduled";
                    ok = cell.state().equals("rest") && cell.label().equals(words + ": nothing scheduled");
                } else {
                    // an unfinished today is not missed yet: the day is not over
                    boolean open = date.equals(today) && day.completed() < day.scheduled();
                    String state = day.completed() >= day.scheduled() ? "done" : open ? "today"
                            : day.completed() > 0 ? "partial" : "missed";
                    String label = (open ? "today, " : "") + day.completed() + " of " + day.scheduled() + " sessions done"
                            + (open ? " so far" : "");
                    wanted = state + ": " + label;
                    ok = cell.state().equals(state) && cell.label().equals(words + ": " + label);
                }
            }
            if (!ok) {
                return List.of(context + "day " + date + ": expected " + wanted + ", shown " + cell.state() + " \""
                        + cell.label() + "\"");
            }
        }
        return List.of();
    }

    // --- plumbing ---

    /** The patient's possible todays between two instants: one date, or two when midnight passed in between. */
    private static List<LocalDate> todays(ZoneId zone, Instant before, Instant after) {
        LocalDate a = before.atZone(zone).toLocalDate();
        LocalDate b = after.atZone(zone).toLocalDate();
        if (a.equals(b)) {
            return List.of(a);
        }
        System.out.println("adherence oracle: midnight passed in " + zone + " during a request; both dates are tried");
        return List.of(a, b);
    }

    private static HttpResponse<String> get(String url) {
        return send(url, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(String url, HttpResponse.BodyHandler<T> handler) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + clinic.token()).GET().build();
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON value that may be null or absent. */
    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Double number(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asDouble();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Check<T> {
        void run(T item) throws Exception;
    }

    private static <T> void inParallel(List<T> items, Check<T> check) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    check.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
