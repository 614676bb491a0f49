package io.spinewise.bench.service;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --explain}: the plans of the dashboard and report queries as plan-service really runs
 * them (its own statements, bind values and connections), with {@code EXPLAIN (ANALYZE, BUFFERS)}
 * detail from PostgreSQL's {@code auto_explain}, which is loaded into every session of database
 * {@code plan} before the service connects. Instrumentation slows every statement, so an
 * {@code --explain} run measures nothing else.
 */
final class QueryPlans {

    private QueryPlans() {
    }

    static void enable(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect("plan"); Statement s = c.createStatement()) {
            // loaded here first, so that PostgreSQL knows (and checks) the auto_explain settings below
            s.execute("LOAD 'auto_explain'");
            s.execute("ALTER DATABASE plan SET session_preload_libraries = 'auto_explain'");
            s.execute("ALTER DATABASE plan SET auto_explain.log_min_duration = 0");
            s.execute("ALTER DATABASE plan SET auto_explain.log_analyze = on");
            s.execute("ALTER DATABASE plan SET auto_explain.log_buffers = on");
        }
    }

    /** Runs each query twice (the first plans with cold caches) and prints the second run's plans. */
    static void capture(BenchDatabase db, Calls calls, HttpClient http, Path work) throws Exception {
        // a chiropractor may read both the dashboard and the reports (docs/architecture.md, "Roles")
        String staff = Calls.chiropractorToken();
        List<String> uris = List.of(
                calls.dashboardUri(20, 0), calls.dashboardUri(100, 0), calls.reportUri(30), calls.reportUri(730));
        for (String uri : uris) {
            // the first call of a JVM plans with cold caches; the second is the one worth reading
            ServiceBench.send(http, calls.request(uri, staff).GET().build());
        }
        long logStart = Files.size(db.log());
        for (String uri : uris) {
            ServiceBench.send(http, calls.request(uri, staff).GET().build());
        }
        Thread.sleep(500);
        List<String> plans = plans(db.log(), logStart);
        Path out = work.resolve("query-plans.txt");
        Files.write(out, plans);
        Report.heading("Query plans (auto_explain, ANALYZE, BUFFERS) — also in " + out);
        plans.forEach(System.out::println);
    }

    /** The log entries written since {@code from} whose statement builds days with generate_series. */
    private static List<String> plans(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        List<String> plans = new ArrayList<>();
        StringBuilder entry = null;
        for (String line : text.split("\n")) {
            boolean continuation = line.startsWith("\t") || line.startsWith(" ");
            if (!continuation) {
                keep(plans, entry);
                entry = line.contains("plan:") ? new StringBuilder() : null;
            }
            if (entry != null) {
                entry.append(line).append('\n');
            }
        }
        keep(plans, entry);
        return plans;
    }

    private static void keep(List<String> plans, StringBuilder entry) {
        if (entry != null && entry.indexOf("generate_series") >= 0) {
            plans.add(entry.toString());
        }
    }
}
