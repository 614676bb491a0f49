package io.spinewise.bench.service;

import io.spinewise.testsupport.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured calls, as the web-ui makes them, with tokens signed by the test issuer. Tokens
 * live five minutes, so each scenario is built just before it runs.
 */
final class Calls {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A dashboard page's {@code next} (URL-safe Base64; null, and so not matched, on the last page). */
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([A-Za-z0-9_-]+)\"");

    private final Services services;
    private final String clinic;
    private final int patients;
    /** Check-offs numbered across every check-off run, so each one takes a fresh (patient, day, slot). */
    private final AtomicLong checkOffs = new AtomicLong();

    Calls(Services services, int patients) {
        this(services, ClinicData.MAIN, patients);
    }

    private Calls(Services services, String clinic, int patients) {
        this.services = services;
        this.clinic = clinic;
        this.patients = patients;
    }

    /** The same calls against another clinic of {@code patients} patients (the growth clinics). */
    Calls in(String otherClinic, int otherPatients) {
        return new Calls(services, otherClinic, otherPatients);
    }

    /**
     * {@code POST /api/me/sessions}: a pool patient checks off one session, dated today or, for a share of them,
     * late ({@link CheckOffDates}); each check-off takes a free (patient, day, slot) of the pool's first part.
     */
    Scenario checkOff(List<Integer> concurrency, CheckOffDates dates) {
        String[] tokens = patientTokens(ClinicData.POOL, 0, ClinicData.POOL_HTTP);
        return new Scenario("check-off POST", Scenario.Target.PLAN, concurrency, () -> {
            CheckOffDates.Pick pick = dates.pick(checkOffs.getAndIncrement());
            LocalDate date = LocalDate.now(ZoneOffset.UTC).minusDays(pick.daysBack());
            String body = "{\"planId\":\"" + ClinicData.planId(ClinicData.POOL, pick.patient()) + "\",\"date\":\""
                    + date + "\",\"slot\":" + pick.slot() + ",\"items\":" + ClinicData.CHECKOFF_ITEMS
                    + ",\"painBefore\":4,\"painAfter\":3,\"difficulty\":2}";
            return request(services.planUrl + "/api/me/sessions", tokens[pick.patient()])
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        });
    }

    /** Check-offs the check-off scenarios have sent so far (warm-ups included). */
    long checkOffsSent() {
        return checkOffs.get();
    }

    /** {@code GET /api/me/today} of a random patient of the measured clinic. */
    Scenario today(List<Integer> concurrency) {
        String[] tokens = patientTokens(clinic, 0, patients);
        return new Scenario("today GET", Scenario.Target.PLAN, concurrency,
                () -> request(services.planUrl + "/api/me/today", tokens[random(tokens.length)]).GET().build());
    }

    /**
     * {@code GET /api/dashboard?size=&page=&after=}: a random page of the measured clinic, reached as the web-ui's
     * Next link reaches it, from the position where the page before it ended. The positions are collected first
     * by one walk through the clinic's pages (not measured).
     */
    Scenario dashboard(int size, List<Integer> concurrency) {
        String token = TestIssuer.token("bench-chiro", "chiropractor", clinic);
        List<String> starts = pageStarts(size, token);
        return new Scenario("dashboard page " + size, Scenario.Target.PLAN, concurrency, () -> {
            int page = random(starts.size());
            String after = starts.get(page);
            return request(dashboardUri(size, page) + (after == null ? "" : "&after=" + after), token).GET().build();
        });
    }

    /** Where each page of the clinic starts: null for the first, then each page's {@code next}. */
    private List<String> pageStarts(int size, String token) {
        List<String> starts = new ArrayList<>();
        starts.add(null);
        HttpClient http = HttpClient.newHttpClient();
        try {
            while (true) {
                String after = starts.get(starts.size() - 1);
                HttpResponse<String> page = http.send(request(dashboardUri(size, starts.size() - 1)
                        + (after == null ? "" : "&after=" + after), token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("dashboard answered " + page.statusCode() + ": " + page.body());
                }
                Matcher next = NEXT.matcher(page.body());
                if (!next.find()) {
                    return starts;
                }
                starts.add(next.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String dashboardUri(int size, int page) {
        return services.planUrl + "/api/dashboard?size=" + size + "&page=" + page;
    }

    /**
     * A call of the chiropractor's patient page (web-ui {@code PatientDetail}) for a random patient: {@code path}
     * after {@code /api/patients/{id}}, e.g. "" (the patient), "/plans", or "/adherence?..." (its calendar).
     */
    Scenario patientPage(String name, String path, List<Integer> concurrency) {
        String token = TestIssuer.token("bench-chiro", "chiropractor", clinic);
        return new Scenario(name, Scenario.Target.PLAN, concurrency, () -> request(services.planUrl + "/api/patients/"
                + ClinicData.md5Uuid(clinic + ":patient:" + random(patients)) + path, token).GET().build());
    }

    /** The patient page's adherence query: the calendar's 35 days up to tomorrow, with each day's figures. */
    static String patientAdherencePath() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return "/adherence?from=" + tomorrow.minusDays(35) + "&to=" + tomorrow + "&days=true";
    }

    /** {@code GET /api/exercises?page=0&size=20}: the library as a chiropractor first sees it. */
    Scenario exerciseList(List<Integer> concurrency) {
        String token = TestIssuer.token("bench-chiro", "chiropractor", ClinicData.MAIN);
        return new Scenario("catalog list", Scenario.Target.CATALOG, concurrency,
                () -> request(services.catalogUrl + "/api/exercises?page=0&size=20", token).GET().build());
    }

    /** {@code GET /api/exercises?q=...}: a text search over the shared and the clinic's own exercises. */
    Scenario exerciseSearch(List<Integer> concurrency) {
        String token = TestIssuer.token("bench-chiro", "chiropractor", ClinicData.MAIN);
        String[] words = {"stretch", "thoracic", "chin", "wall", "squeeze"};
        return new Scenario("catalog search", Scenario.Target.CATALOG, concurrency,
                () -> request(services.catalogUrl + "/api/exercises?size=20&q=" + words[random(words.length)], token)
                        .GET().build());
    }

    /** The month-end export: the last 30 days of the measured clinic as CSV. */
    Scenario monthReport(List<Integer> concurrency) {
        String token = TestIssuer.token("bench-admin", "clinic-admin", ClinicData.MAIN);
        return new Scenario("CSV report, 30 days", Scenario.Target.PLAN, concurrency,
                () -> request(reportUri(30), token).GET().build());
    }

    /** A patient's PDF summary (two years of history), as clinics print them at month end. */
    Scenario patientPdf(List<Integer> concurrency) {
        String token = TestIssuer.token("bench-admin", "clinic-admin", ClinicData.MAIN);
        return new Scenario("patient PDF", Scenario.Target.PLAN, concurrency, () -> request(services.planUrl
                + "/api/reports/patients/" + ClinicData.md5Uuid(ClinicData.MAIN + ":patient:" + random(patients))
                + ".pdf", token).GET().build());
    }

    /** The adherence CSV of the measured clinic over the last {@code days} days (to yesterday). */
    String reportUri(int days) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        return services.planUrl + "/api/reports/adherence.csv?from=" + yesterday.minusDays(days - 1L) + "&to=" + yesterday;
    }

    HttpRequest.Builder request(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).header("Authorization", "Bearer " + token);
    }

    static String chiropractorToken() {
        return TestIssuer.token("bench-chiro", "chiropractor", ClinicData.MAIN);
    }

    static String adminToken() {
        return TestIssuer.token("bench-admin", "clinic-admin", ClinicData.MAIN);
    }

    private static String[] patientTokens(String clinic, int from, int count) {
        return ClinicData.subjects(clinic, from, count).stream()
                .map(subject -> TestIssuer.token(subject, "patient", clinic)).toArray(String[]::new);
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
