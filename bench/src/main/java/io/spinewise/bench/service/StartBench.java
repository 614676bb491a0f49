package io.spinewise.bench.service;

import io.spinewise.testsupport.JarProcess;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * {@code bench/run start [--runs N]}: how long each service takes from its JVM's start to ready, against a
 * bare Quarkus REST app ({@code bench/bare-app}: quarkus-rest and one GET endpoint, the same parent and BOM),
 * each started the same way ({@link Services#pod}: pinned to one core, one processor, the pod's heap) in the same
 * run, in turns, best of N (default 3); and each one's resident memory right after it is ready. The services'
 * schemas are migrated by an uncounted first start, so the counted starts are restarts, as a pod's are.
 * Ready = the readiness URL answers 200 (the services' {@code /q/health/ready}, checking their database; the bare
 * app's endpoint), polled as {@link JarProcess} polls it: the times are exact to about 50 ms.
 */
public final class StartBench {

    /** Issue 15: a service starts within 1.5 × the bare app's time. */
    private static final double TARGET_RATIO = 1.5;

    private final Path work = Path.of("bench", "target", "start-bench").toAbsolutePath();
    private final int runs;

    private StartBench(int runs) {
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs") && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + " (--runs N)");
            }
        }
        Report.machine("start", args);
        new StartBench(runs).run();
        System.exit(0);
    }

    private void run() {
        Path bareJar = Path.of("bench", "bare-app", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        if (!Files.isRegularFile(bareJar)) {
            throw new IllegalStateException(bareJar + " is missing: bench/run start builds it"
                    + " (./mvnw -f bench/bare-app/pom.xml package)");
        }
        try (BenchDatabase db = BenchDatabase.start(work, Map.of())) {
            db.createDatabase("catalog");
            db.createDatabase("plan");
            Report.server("read back: " + db.durability() + ", shared_buffers=" + db.sharedBuffers());
            int catalogPort = JarProcess.freePort();
            String catalogUrl = "http://127.0.0.1:" + catalogPort;
            // uncounted: the migrations; this catalog stays up for plan-service's starts
            long begin = System.nanoTime();
            JarProcess companion = Services.catalog(db, catalogPort, work);
            double catalogFirst = (System.nanoTime() - begin) / 1e9;
            begin = System.nanoTime();
            Services.plan(db, JarProcess.freePort(), catalogUrl, work).stop();
            double planFirst = (System.nanoTime() - begin) / 1e9;
            Report.line("first starts on an empty database (Flyway migrations; not counted): catalog-service %.1f s,"
                    + " plan-service %.1f s", catalogFirst, planFirst);

            Map<String, IntFunction<JarProcess>> apps = new LinkedHashMap<>();
            apps.put("bare Quarkus REST app", port -> Services.pod("bare-app", bareJar,
                    Map.of("quarkus.http.port", Integer.toString(port), "quarkus.http.host", "127.0.0.1",
                            "quarkus.log.level", "WARN"),
                    URI.create("http://127.0.0.1:" + port + "/hello"), work));
            apps.put("catalog-service", port -> Services.catalog(db, port, work));
            apps.put("plan-service", port -> Services.plan(db, port, catalogUrl, work));
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            Map<String, List<ProcessMemory>> memory = new LinkedHashMap<>();
            Map<String, List<Double>> cpu = new LinkedHashMap<>();
            Map<String, List<ThreadCpu>> threads = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                apps.forEach((name, start) -> {
                    long t0 = System.nanoTime();
                    JarProcess app = start.apply(JarProcess.freePort());
                    seconds.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                    memory.computeIfAbsent(name, k -> new ArrayList<>()).add(ProcessMemory.of(app.pid()));
                    cpu.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new CpuMeter(app.pid()).total().toNanos() / 1e9);
                    threads.computeIfAbsent(name, k -> new ArrayList<>()).add(ThreadCpu.of(app.pid()));
                    app.stop();
                });
            }
            companion.stop();
            print(seconds, memory, cpu);
            printThreads(cpu, threads);
        }
        Report.loadAverage("load average at the end");
    }

    private void print(Map<String, List<Double>> seconds, Map<String, List<ProcessMemory>> memory,
                       Map<String, List<Double>> cpu) {
        Report.heading("Start: JVM start to ready, each " + Services.podLimits() + ", best of " + runs);
        Report.line("| app | each run s | best s | ÷ bare app (best) | CPU s to ready (least) | CPU ÷ bare app"
                + " | RSS after ready MiB (best run) |");
        Report.line("|---|---|---:|---:|---:|---:|---:|");
        double bare = best(seconds.values().iterator().next());
        double bareCpu = best(cpu.values().iterator().next());
        seconds.forEach((name, times) -> {
            double best = best(times);
            double leastCpu = best(cpu.get(name));
            ProcessMemory rss = memory.get(name).get(times.indexOf(best));
            Report.line("| %s | %s | %.2f | %.2f × | %.2f | %.2f × | %.0f |", name, String.join(" / ", times.stream()
                    .map(t -> String.format(Locale.ROOT, "%.2f", t)).toList()), best, best / bare, leastCpu,
                    leastCpu / bareCpu, rss.rssMiB());
        });
        Report.line("");
        Report.line("(CPU s to ready: the JVM's user + system time when ready; on one core it bounds the start from"
                + " below and moves less with the machine's load than the wall time)");
        Report.line("");
        Report.line("(target: each service ≤ %.1f × the bare app; RSS under load: bench/run service prints it after"
                + " its calls)", TARGET_RATIO);
    }

    /** Where the least-CPU start of each app spent its CPU, by kind of thread. */
    private static void printThreads(Map<String, List<Double>> cpu, Map<String, List<ThreadCpu>> threads) {
        Report.line("");
        Report.line("CPU s to ready by thread (the least-CPU start of each):");
        cpu.forEach((name, seconds) -> Report.line("- %s: %s", name,
                threads.get(name).get(seconds.indexOf(best(seconds))).describe()));
    }

    private static double best(List<Double> times) {
        return times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
