package io.spinewise.bench.service;

import io.spinewise.testsupport.upgrade.ClinicHistory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code bench/run service}: plan-service and catalog-service as one pod each (see {@link Services})
 * against a PostgreSQL with a clinic of 1,000 patients and two years of check-offs; prints the
 * rate and latency of the main calls, the CPU they cost, and the database's own ceilings for the
 * same work (pgbench, psql COPY). Figures only: nothing here passes or fails on a time.
 */
public final class ServiceBench {

    /** The latency target the per-pod figure is read at (docs/scaling.md). */
    static final double P95_TARGET_MILLIS = 200;
    /** Connections in a pod's pool: pgbench's client count for the ceiling. */
    static final int POOL_SIZE = 10;
    /** {@code --diagnose}: the server logs slow statements and lock waits and times its WAL I/O (OpenLoop). */
    private static final Map<String, String> DIAGNOSE = Map.of("log_min_duration_statement", "20ms",
            "log_lock_waits", "on", "deadlock_timeout", "20ms", "track_wal_io_timing", "on", "track_io_timing", "on");
    /** How long the pods idle after the load before their memory is read a second time. */
    private static final Duration IDLE_BEFORE_MEMORY = Duration.ofSeconds(15);

    private final BenchOptions options;
    private PgbenchCeiling pgbench;
    private final Path work = Path.of("bench", "target", "service-bench").toAbsolutePath();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Report.machine("service", args);
        new ServiceBench(options).run();
        // the services and PostgreSQL are stopped by shutdown hooks and close()
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        try (BenchDatabase db = BenchDatabase.start(work, options.diagnose() ? DIAGNOSE : Map.of())) {
            options.layout().placeDatabase(db.postmasterPid());
            options.layout().placeLoadGenerator();
            db.createDatabase("catalog");
            db.createDatabase("plan");
            if (options.explain()) {
                QueryPlans.enable(db);
            }
            long started = System.nanoTime();
            try (Services services = Services.start(db, work)) {
                Report.server(serverSettings(db) + "; " + options.layout().describe());
                Report.line("services: catalog-service and plan-service jars, each %s; PostgreSQL 18 (embedded,"
                        + " %s); %s; ready in %.1f s", Services.limits(), serverSettings(db),
                        options.layout().describe(), (System.nanoTime() - started) / 1e9);
                load(db, services);
                Calls calls = new Calls(services, options.patients());
                if (options.explain()) {
                    QueryPlans.capture(db, calls, http, work);
                    return;
                }
                List<LoadResult> results = measureCalls(db, services, calls);
                if (!results.isEmpty()) {
                    memory(services, "after the calls under load");
                    // what an idle pod keeps: compiler arenas freed, glibc's free pages trimmed (TrimNativeHeapInterval)
                    Thread.sleep(IDLE_BEFORE_MEMORY.toMillis());
                    memory(services, IDLE_BEFORE_MEMORY.toSeconds() + " s later, idle");
                }
                if (options.runs("growth")) {
                    GrowthBench.measure(new ClosedLoopLoad(http, new CpuMeter(db.postmasterPid())), services, calls,
                            options);
                }
                List<LoadResult> ceiling = checkOffCeiling(db);
                if (options.runs("csv")) {
                    new CsvExportBench(http, work).measure(db, services, calls, options.historyDays());
                }
                if (!results.isEmpty()) {
                    summary(results, ceiling);
                }
                sizes(db);
                Report.loadAverage("load average at the end");
            }
        }
    }

    /**
     * The settings a figure depends on, read back from the server; a run on a non-durable server that was
     * allowed with {@code --allow-non-durable} says so in every table, since its write figures measure memory.
     */
    private String serverSettings(BenchDatabase db) {
        String settings = db.durability() + ", shared_buffers=" + db.sharedBuffers();
        return db.durability().durable() ? "read back: " + settings
                : "NOT DURABLE" + (options.allowNonDurable() ? " (--allow-non-durable)" : "") + ", read back: " + settings;
    }

    private void load(BenchDatabase db, Services services) throws SQLException, InterruptedException {
        try (Connection plan = db.connect("plan"); Connection catalog = db.connect("catalog")) {
            try (Statement s = plan.createStatement()) {
                // no plans of the load itself in --explain's log
                s.execute("SET auto_explain.log_min_duration = -1");
            } catch (SQLException notLoaded) {
                // auto_explain is only loaded with --explain
            }
            List<ClinicHistory.Clinic> growth = options.runs("growth") ? GrowthBench.clinics(options.patients()) : List.of();
            ClinicData.Loaded loaded = ClinicData.loadPlan(plan, options.patients(), options.historyDays(), growth);
            ClinicData.loadCatalog(catalog);
            Report.line("data: %d patients in %d clinics (%d in %s), %d check-offs (%d in %s, %d days;"
                    + " %d %% of the table's pages all-visible), 20,004 exercises of 1,000 clinics; loaded in %.0f s, of"
                    + " which %.1f s the check-off pool (%d patients)", loaded.patients(), 5 + growth.size(),
                    options.patients(), ClinicData.MAIN, loaded.checkOffs(), loaded.mainClinicCheckOffs(), ClinicData.MAIN,
                    options.historyDays(), loaded.allVisiblePercent(), loaded.seconds(), loaded.poolSeconds(),
                    ClinicData.POOL_HTTP + ClinicData.POOL_PGBENCH);
            growth.forEach(g -> Report.line("growth clinic %s: %d patients, %d days of history", g.id(),
                    g.patients(), g.days()));
            RollupWait.settleAndReport(plan, loaded, new CpuMeter(db.postmasterPid()), new CpuMeter(services.plan.pid()));
            if (options.checkpointFirst()) {
                checkpoint(plan);
            }
        }
    }

    /**
     * The load, the rollup's rebuild and the vacuums leave the server a checkpoint behind (about 1 GB of WAL and
     * dirty buffers, "checkpoints are occurring too frequently"): measured without this, the calls ran while the
     * checkpointer wrote that out, and their commits queued behind its writes on the disk (bench/README.md, "The
     * open loop's stalls"). A server in service writes a clinic's day, not a bulk load, between checkpoints.
     */
    private static void checkpoint(Connection plan) throws SQLException {
        long started = System.nanoTime();
        try (Statement s = plan.createStatement()) {
            s.execute("CHECKPOINT");
        }
        Report.line("checkpoint after the load (its dirty buffers written before any call is measured): %.1f s",
                (System.nanoTime() - started) / 1e9);
    }

    private List<LoadResult> measureCalls(BenchDatabase db, Services services, Calls calls) {
        List<Integer> light = options.concurrency();
        List<Integer> heavy = List.of(1, 4);
        Map<String, Supplier<Scenario>> scenarios = new LinkedHashMap<>();
        CheckOffDates dates = new CheckOffDates(ClinicData.POOL_HTTP, options.lateCheckOffs());
        scenarios.put("check-off", () -> calls.checkOff(light, dates));
        scenarios.put("today", () -> calls.today(light));
        scenarios.put("dashboard-20", () -> calls.dashboard(20, light));
        scenarios.put("dashboard-100", () -> calls.dashboard(100, light));
        scenarios.put("catalog-list", () -> calls.exerciseList(light));
        scenarios.put("catalog-search", () -> calls.exerciseSearch(light));
        scenarios.put("csv-month", () -> calls.monthReport(heavy));
        scenarios.put("pdf", () -> calls.patientPdf(heavy));

        if (scenarios.keySet().stream().noneMatch(options::runs)) {
            return List.of();
        }
        Report.heading("Calls under load (closed loop; one pod = 1 core)");
        Report.loadHeader();
        ClosedLoopLoad load = new ClosedLoopLoad(http, new CpuMeter(db.postmasterPid()));
        List<LoadResult> results = new ArrayList<>();
        scenarios.forEach((name, make) -> {
            if (!options.runs(name)) {
                return;
            }
            Scenario scenario = make.get();
            CpuMeter service = new CpuMeter(scenario.target() == Scenario.Target.PLAN ? services.plan.pid()
                    : services.catalog.pid());
            int most = scenario.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
            load.warmUp(scenario, most, Duration.ofSeconds(options.warmupSeconds()));
            List<LoadResult> runs = new ArrayList<>();
            for (int concurrency : scenario.concurrency()) {
                LoadResult result = load.measure(scenario, service, concurrency, Duration.ofSeconds(options.seconds()));
                Report.loadRow(result);
                runs.add(result);
            }
            results.addAll(runs);
            if (name.equals("check-off")) {
                atSeventyPercent(db, scenario, service, services.plan.pid(), runs);
                long sent = calls.checkOffsSent();
                Report.line("check-offs sent (warm-up included): %d, %d %% dated 1..%d days back (`--late-checkoffs`),"
                        + " the rest today: %d of the pool's %d free today%s", sent, options.lateCheckOffs(),
                        ClinicData.POOL_DAYS, dates.todayOf(sent), dates.todayCapacity(),
                        dates.fits(sent) ? "" : " — USED UP: the later ones were refused (errors column)");
            }
        });
        return results;
    }

    /** The check-off's target, a p99 at 70 % of the peak rate: open loops at that rate ({@link OpenLoop}). */
    private void atSeventyPercent(BenchDatabase db, Scenario scenario, CpuMeter service, long plan,
                                  List<LoadResult> runs) {
        boolean ceiling = PgbenchCeiling.available() && (db.durability().durable() || options.allowNonDurable());
        new OpenLoop(db, http, ceiling ? pgbench(db) : null, options, work).atSeventyPercent(scenario, service,
                plan, runs);
    }

    /** One pgbench for the run, so that its check-offs keep taking fresh (patient, day, slot)s. */
    private PgbenchCeiling pgbench(BenchDatabase db) {
        if (pgbench == null) {
            pgbench = new PgbenchCeiling(db, work, options.lateCheckOffs(), options.layout());
        }
        return pgbench;
    }

    /** The same check-off statement straight into PostgreSQL, at one client and at a pod's pool size. */
    private List<LoadResult> checkOffCeiling(BenchDatabase db) throws IOException, InterruptedException, SQLException {
        if (!options.runs("check-off")) {
            return List.of();
        }
        Report.heading("Check-off ceiling: " + (PgbenchCeiling.available() ? PgbenchCeiling.version()
                + ", the service's statement, prepared" : "pgbench not found: skipped"));
        if (!PgbenchCeiling.available()) {
            return List.of();
        }
        if (!db.durability().durable() && !options.allowNonDurable()) {
            // a ceiling without fsync measures memory, not the commits a clinic relies on
            Report.line("Refused: the server is not durable (%s); --allow-non-durable measures it anyway", db.durability());
            return List.of();
        }
        PgbenchCeiling pgbench = pgbench(db);
        Report.loadHeader();
        List<LoadResult> results = new ArrayList<>();
        for (int clients : List.of(1, POOL_SIZE)) {
            LoadResult r = pgbench.run(clients, options.seconds());
            Report.line("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | – | – | – |", r.call(), r.concurrency(),
                    r.calls(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99),
                    r.errors());
            results.add(r);
        }
        new CheckOffParts(db, pgbench).measure(options.seconds());
        return results;
    }

    private void summary(List<LoadResult> results, List<LoadResult> ceiling) {
        Report.heading("Per pod (1 vCPU) at p95 ≤ " + (int) P95_TARGET_MILLIS + " ms");
        Report.line("| call | req/s | at concurrency | p95 ms | service CPU ms/call | req/s if the core were the"
                + " service's alone (1000 / CPU ms) |");
        Report.line("|---|---:|---:|---:|---:|---:|");
        Map<String, List<LoadResult>> byCall = new LinkedHashMap<>();
        results.forEach(r -> byCall.computeIfAbsent(r.call(), k -> new ArrayList<>()).add(r));
        byCall.forEach((call, runs) -> {
            LoadResult best = Report.perPod(runs, P95_TARGET_MILLIS);
            Report.line("| %s | %.1f | %d | %.1f | %.2f | %.0f |", call, best.perSecond(), best.concurrency(),
                    best.percentileMillis(95), best.serviceCpuMillisPerCall(), 1000 / best.serviceCpuMillisPerCall());
        });
        List<LoadResult> checkOffs = byCall.getOrDefault("check-off POST", List.of());
        if (!checkOffs.isEmpty() && !ceiling.isEmpty()) {
            LoadResult service = checkOffs.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                    .orElseThrow();
            LoadResult db = ceiling.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
            Report.line("");
            Report.line("check-off: service best %.0f/s (concurrency %d) vs pgbench %.0f/s (%d clients): %.0f %% of the"
                    + " database's ceiling", service.perSecond(), service.concurrency(), db.perSecond(),
                    db.concurrency(), 100 * service.perSecond() / db.perSecond());
        }
    }

    /** Each service's resident memory now and at most so far (a pod's limit is 768 MiB; target ≤ 250 MB). */
    private static void memory(Services services, String when) {
        ProcessMemory catalog = ProcessMemory.of(services.catalog.pid());
        ProcessMemory plan = ProcessMemory.of(services.plan.pid());
        Report.line("");
        Report.line("memory %s (VmRSS / VmHWM, target RSS ≤ 250 MB): catalog-service %.0f / %.0f MiB,"
                + " plan-service %.0f / %.0f MiB", when, catalog.rssMiB(), catalog.peakMiB(), plan.rssMiB(),
                plan.peakMiB());
        NativeMemory.print("catalog-service", services.catalog.pid());
        NativeMemory.print("plan-service", services.plan.pid());
    }

    /** Bytes per row as stored (heap, indexes, TOAST), for the database sizing. */
    private void sizes(BenchDatabase db) throws SQLException {
        Report.heading("Storage");
        try (Connection c = db.connect("plan"); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) session_checkoff, audit_event");
            for (String table : List.of("session_checkoff", "audit_event", "patient", "plan", "plan_version",
                    "adherence_day")) {
                long rows = ClinicData.count(c, "SELECT count(*) FROM " + table);
                // audit_event is partitioned by month (plan V17): its bytes are its partitions'
                long bytes = ClinicData.count(c, "SELECT sum(pg_total_relation_size(relid)) FROM (SELECT '" + table
                        + "'::regclass AS relid UNION SELECT relid FROM pg_partition_tree('" + table + "')) AS r");
                Report.line("- %s: %d rows, %.1f MB with indexes, %.0f bytes per row", table, rows, bytes / 1e6,
                        rows == 0 ? 0.0 : (double) bytes / rows);
            }
            Report.line("- database plan: %.1f MB", ClinicData.count(c, "SELECT pg_database_size('plan')") / 1e6);
        }
    }

    /** Answers a request or fails loudly: for the few single calls outside the load loop. */
    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }
}
