package io.spinewise.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Prints the figures as Markdown tables, ready to paste into bench/README.md. */
public final class Report {

    /** The server's settings as read back, printed under every table so that no figure travels without them. */
    private static String server = "server settings not read yet";

    private Report() {
    }

    static void server(String settings) {
        server = settings;
    }

    static void heading(String text) {
        System.out.println();
        System.out.println("### " + text);
        System.out.println();
        System.out.println("(" + server + ")");
        System.out.println();
    }

    static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** Date, machine and JVM, so that a figure can be traced to where it was measured. */
    static void machine(String benchmark, String[] args) {
        line("date: %s", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE));
        line("command: bench/run %s %s", benchmark, String.join(" ", args));
        line("machine: %d cores (%s), %s GiB memory, %s %s; Java %s", Runtime.getRuntime().availableProcessors(),
                cpuModel(), memoryGiB(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"));
        loadAverage("load average at start");
    }

    /** The machine's 1/5/15-minute load averages: other work on a shared machine shows here. */
    static void loadAverage(String label) {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            line("%s: %s %s %s (above the core count means work was waiting for a core)", label, load[0], load[1], load[2]);
        } catch (IOException e) {
            line("%s: unknown", label);
        }
    }

    public static void loadHeader() {
        line("| call | concurrency | calls | req/s | p50 ms | p95 ms | p99 ms | errors | service CPU | service CPU ms/call"
                + " | PostgreSQL CPU ms/call |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public static void loadRow(LoadResult r) {
        line("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %.0f %% | %.2f | %.2f |", r.call(), r.concurrency(),
                r.calls(), r.perSecond(), r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99),
                r.errors(), r.serviceCpuPercent(), r.serviceCpuMillisPerCall(), r.databaseCpuMillisPerCall());
    }

    /** The best rate among the runs whose p95 stayed within {@code p95Millis}, else the fastest-answering run. */
    static LoadResult perPod(List<LoadResult> runs, double p95Millis) {
        return runs.stream().filter(r -> r.percentileMillis(95) <= p95Millis && r.errors() == 0)
                .max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                .orElseGet(() -> runs.stream().min((a, b) -> Double.compare(a.percentileMillis(95),
                        b.percentileMillis(95))).orElseThrow());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.valueOf(Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0)))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
