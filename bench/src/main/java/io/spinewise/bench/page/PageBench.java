package io.spinewise.bench.page;

import io.spinewise.bench.service.Report;
import io.spinewise.launcher.Readiness;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Page weight and first paint of the web-ui's main pages, in a real Chromium signed in through
 * the real Keycloak as each demo user, on a desktop and on a throttled phone, with an empty
 * cache (a first visit) and a warm one (the next page of a visit); then the web-ui's own rate and
 * CPU per page under a closed loop ({@link WebUiLoad}). Prints medians and tables; asserts nothing.
 *
 * <p>Needs the local stack with its demo data: {@code ./spinewise up}, then
 * {@code bench/run pages [--runs N] [--seconds S] [--concurrency 1,8,32] [--web http://localhost:8080]};
 * {@code --runs 0} skips the page weights and measures only the web-ui's CPU per page.
 */
public final class PageBench {

    /** web.dev's threshold for a "good" first contentful paint, for the phone profile. */
    private static final double GOOD_FIRST_PAINT_MILLIS = 1800;
    private static final String PASSWORD = "demo";
    private static final String UUID_PATH = "/patients/[0-9a-f-]{36}";

    private final String web;
    private final int runs;
    private final int seconds;
    private final List<Integer> concurrency;
    private final List<Row> rows = new ArrayList<>();

    private PageBench(String web, int runs, int seconds, List<Integer> concurrency) {
        this.web = web;
        this.runs = runs;
        this.seconds = seconds;
        this.concurrency = concurrency;
    }

    public static void main(String[] args) throws Exception {
        String web = "http://localhost:8080";
        int runs = 5;
        int seconds = 10;
        List<Integer> concurrency = List.of(1, 8, 32);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--web" -> web = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Arrays.stream(args[++i].split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--web URL, --runs N, --seconds S, --concurrency 1,8,32)");
            }
        }
        if (!Readiness.isUp(URI.create(web + "/q/health/ready"))) {
            System.err.println("The web-ui does not answer at " + web + ": start the stack with ./spinewise up first.");
            System.exit(1);
        }
        new PageBench(web, runs, seconds, concurrency).run();
    }

    private void run() throws IOException {
        if (runs == 0) {
            throughput();
            return;
        }
        System.out.printf("Page weight and first paint, %s, %d runs per cell (median), %s%n%n",
                web, runs, LocalDate.now());
        measureAs("patient.paul", List.of("/today", "/progress"));
        try (ChromiumTab tab = new ChromiumTab()) {
            tab.signIn(web + "/patients", "dr.ada", PASSWORD);
            String patientPage = tab.links("/patients/").stream()
                    .filter(href -> URI.create(href).getPath().matches(UUID_PATH))
                    .findFirst()
                    .map(href -> URI.create(href).getPath())
                    .orElseThrow(() -> new IllegalStateException("dr.ada has no patient: is the demo data loaded?"));
            measure(tab, "dr.ada", List.of("/patients", patientPage, patientPage + "/prescribe", "/patients/new"));
        }
        measureAs("admin.nora", List.of("/admin/reports", "/admin/library", "/admin/audit"));
        print();
        throughput();
    }

    /**
     * The web-ui's rate and CPU per page, each page fetched with a signed-in session (the
     * services behind it answer too; their CPU is not in the web-ui column).
     */
    private void throughput() throws IOException {
        WebUiLoad load = WebUiLoad.onLocalStack();
        Duration window = Duration.ofSeconds(seconds);
        System.out.printf("%nweb-ui under load (closed loop, %d s per level after a %d s warm-up; \"service\" = the web-ui"
                + " process, not pinned; PostgreSQL = the stack's database)%n%n", seconds, seconds);
        Report.loadHeader();
        try (ChromiumTab patient = new ChromiumTab(); ChromiumTab chiropractor = new ChromiumTab()) {
            patient.signIn(web + "/today", "patient.paul", PASSWORD);
            load.run("web-ui /today (patient)", web + "/today", patient.cookieHeader(), concurrency, window, window);
            chiropractor.signIn(web + "/patients", "dr.ada", PASSWORD);
            load.run("web-ui /patients (chiropractor)", web + "/patients", chiropractor.cookieHeader(), concurrency,
                    window, window);
        }
    }

    private void measureAs(String username, List<String> paths) throws IOException {
        try (ChromiumTab tab = new ChromiumTab()) {
            tab.signIn(web + paths.get(0), username, PASSWORD);
            measure(tab, username, paths);
        }
    }

    private void measure(ChromiumTab tab, String username, List<String> paths) {
        for (String path : paths) {
            for (NetworkProfile profile : NetworkProfile.values()) {
                for (boolean cold : new boolean[] {true, false}) {
                    List<PageLoad> loads = new ArrayList<>();
                    if (!cold) {
                        tab.load(web + path, profile, false); // fills the cache the warm runs read from
                    }
                    for (int i = 0; i < runs; i++) {
                        loads.add(tab.load(web + path, profile, cold));
                    }
                    rows.add(new Row(username, path, profile, cold, loads));
                }
            }
        }
    }

    private void print() {
        System.out.printf("%-12s %-40s %-8s %-5s %5s %10s %10s %9s %9s %9s%n", "user", "page", "profile", "cache",
                "reqs", "sent KB", "unzip KB", "FCP ms", "DOM ms", "load ms");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-12s %-40s %-8s %-5s %5d %10.1f %10.1f %9.0f %9.0f %9.0f%n",
                    row.username, shorten(row.path), row.profile == NetworkProfile.DESKTOP ? "desktop" : "phone",
                    row.cold ? "cold" : "warm", (int) row.median(PageLoad::requests),
                    row.median(PageLoad::transferredBytes) / 1024, row.median(PageLoad::decodedBytes) / 1024,
                    row.median(PageLoad::firstContentfulPaintMillis), row.median(PageLoad::domReadyMillis),
                    row.median(PageLoad::loadMillis));
        }
        Row heaviest = rows.stream().filter(r -> r.cold)
                .max(Comparator.comparingDouble(r -> r.median(PageLoad::transferredBytes))).orElseThrow();
        Row slowest = rows.stream().filter(r -> r.profile == NetworkProfile.SLOW_PHONE && r.cold)
                .max(Comparator.comparingDouble(r -> r.median(PageLoad::firstContentfulPaintMillis))).orElseThrow();
        System.out.println();
        for (NetworkProfile profile : NetworkProfile.values()) {
            System.out.println(profile.name().toLowerCase(Locale.ROOT) + ": " + profile.description);
        }
        System.out.printf(Locale.ROOT, "heaviest first visit: %s, %.1f KB over the network%n",
                heaviest.path, heaviest.median(PageLoad::transferredBytes) / 1024);
        System.out.printf(Locale.ROOT, "slowest first paint on the slow phone, cold cache: %s, %.0f ms (good: <= %.0f ms) %s%n",
                slowest.path, slowest.median(PageLoad::firstContentfulPaintMillis), GOOD_FIRST_PAINT_MILLIS,
                slowest.median(PageLoad::firstContentfulPaintMillis) <= GOOD_FIRST_PAINT_MILLIS ? "met" : "NOT MET");
    }

    /** Patient ids are long and differ per data set; the table shows their shape instead. */
    private static String shorten(String path) {
        return path.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
    }

    private record Row(String username, String path, NetworkProfile profile, boolean cold, List<PageLoad> loads) {

        double median(ToDoubleFunction<PageLoad> metric) {
            double[] values = loads.stream().mapToDouble(metric).sorted().toArray();
            return values[values.length / 2];
        }
    }
}
