package io.spinewise.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JVM's CPU time so far by kind of thread, from {@code /proc/<pid>/task/<tid>/stat} (user + system ticks): the
 * JIT compilers, the GC, the main thread that runs the application's start, and the rest. Threads that already ended
 * are not counted (their time is in the process total only).
 */
record ThreadCpu(Map<String, Double> secondsByKind) {

    /** Linux's clock ticks per second ({@code getconf CLK_TCK}), 100 on every usual kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    static ThreadCpu of(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = read(task.resolve("stat"));
                if (stat.isEmpty()) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields from the third of stat(5): utime is the 14th, stime the 15th
                double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                seconds.merge(kind(name), ticks / TICKS_PER_SECOND, Double::sum);
            }
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(seconds);
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C2 Compiler")) {
            return "JIT C2";
        } else if (threadName.startsWith("C1 Compiler")) {
            return "JIT C1";
        } else if (threadName.startsWith("GC") || threadName.startsWith("VM Thread")) {
            return "GC and VM";
        } else if (threadName.equals("java") || threadName.equals("main")) {
            return "main";
        }
        return "other";
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }

    /** e.g. "main 2.10, JIT C1 0.80, ..." */
    String describe() {
        return secondsByKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
