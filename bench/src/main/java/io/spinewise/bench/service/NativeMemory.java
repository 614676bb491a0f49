package io.spinewise.bench.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a JVM's resident memory is: Linux's split ({@code /proc/<pid>/status}: anonymous, file-backed, threads), the
 * JVM's own account by category when it runs with Native Memory Tracking ({@code jcmd <pid> VM.native_memory
 * summary}; candidate option {@code BENCH_POD_JVM=-XX:NativeMemoryTracking=summary}), the anonymous memory that
 * account does not hold (glibc's malloc arenas, native libraries such as zlib), and the threads by pool.
 */
final class NativeMemory {

    private static final Pattern CATEGORY = Pattern.compile(
            "(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern METASPACE = Pattern.compile(
            "Total Usage - ([^:]+):(?s).*?\\n\\s*Both:\\s+\\d+ chunks,\\s+[^,]+capacity,\\s+([^\\n]+?) , deallocated");
    /** Categories below this many KiB are summed as "rest". */
    private static final long SHOWN_KIB = 1024;

    private NativeMemory() {
    }

    /** Prints one line of Linux's figures, and the JVM's categories and threads by pool when NMT is on. */
    static void print(String name, long pid) {
        Map<String, Long> status = status(pid);
        Report.line("- %s: VmRSS %.0f MiB = anonymous %.0f + file %.0f + shared %.0f; %d threads (%s)", name,
                mib(status.get("VmRSS")), mib(status.get("RssAnon")), mib(status.get("RssFile")),
                mib(status.get("RssShmem")), status.get("Threads"), threadsByPool(pid));
        String summary = jcmd(pid, "VM.native_memory", "summary");
        Matcher total = TOTAL.matcher(summary);
        if (!total.find()) {
            return;
        }
        long committed = Long.parseLong(total.group(2));
        Map<String, Long> shown = new LinkedHashMap<>();
        long rest = 0;
        long fileMapped = 0;
        Matcher category = CATEGORY.matcher(summary);
        while (category.find()) {
            long kib = Long.parseLong(category.group(3));
            if (category.group(1).equals("Shared class space")) {
                fileMapped = kib; // the CDS archive: a mapped file, mostly in RssFile
            }
            if (kib >= SHOWN_KIB) {
                shown.put(category.group(1), kib);
            } else {
                rest += kib;
            }
        }
        Report.line("  NMT committed %.0f MiB: %s, rest %.1f", mib(committed), shown.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), mib(e.getValue())))
                .collect(Collectors.joining(", ")), mib(rest));
        Report.line("  anonymous RSS not in NMT's account (malloc arenas, native libraries; committed but untouched"
                + " pages make it smaller): %.0f MiB", mib(status.get("RssAnon") - (committed - fileMapped)));
        Matcher metaspace = METASPACE.matcher(jcmd(pid, "VM.metaspace"));
        if (metaspace.find()) {
            Report.line("  metaspace: %s; class and non-class together: %s", metaspace.group(1),
                    metaspace.group(2).replaceAll("\\s+", " "));
        }
    }

    private static Map<String, Long> status(long pid) {
        Map<String, Long> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                String[] parts = line.split(":\\s+", 2);
                if (parts.length == 2 && parts[1].matches("\\d+( kB)?")) {
                    values.put(parts[0], Long.parseLong(parts[1].replace(" kB", "")));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no /proc status for process " + pid, e);
        }
        return values;
    }

    /** e.g. "executor-thread 2, vert.x-eventloop-thread 1, ...": thread names without their numbers. */
    private static String threadsByPool(long pid) {
        Map<String, Integer> pools = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String pool = Files.readString(task.resolve("comm")).strip().replaceAll("[-#\\s]*\\d+$", "");
                    pools.merge(pool, 1, Integer::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return "threads unknown";
        }
        return pools.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** What {@code jcmd <pid> command...} prints, or "" when it fails (e.g. NMT off, or it cannot attach). */
    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static double mib(long kib) {
        return kib / 1024.0;
    }
}
