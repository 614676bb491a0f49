package io.spinewise.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long a process's threads (and its children's: PostgreSQL's backends) were runnable but waiting for a core,
 * and how long they ran, from Linux's {@code /proc/<pid>/task/<tid>/schedstat} (run time, run-queue wait, in ns).
 * On a shared 2-core machine this tells a stall of the service's own making from one where the service's pinned
 * core was busy with other work. Threads that ended between two readings take their time with them.
 */
final class RunQueue {

    private RunQueue() {
    }

    /** {ran, waited} in seconds, summed over the process's threads and its descendants' threads. */
    static double[] seconds(long pid) {
        double[] total = new double[2];
        ProcessHandle.of(pid).ifPresent(root -> Stream.concat(Stream.of(root), root.descendants())
                .forEach(p -> add(p.pid(), total)));
        return total;
    }

    private static void add(long pid, double[] total) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String[] fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
                    total[0] += Long.parseLong(fields[0]) / 1e9;
                    total[1] += Long.parseLong(fields[1]) / 1e9;
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException gone) {
            // the process ended, or no /proc here
        }
    }
}
