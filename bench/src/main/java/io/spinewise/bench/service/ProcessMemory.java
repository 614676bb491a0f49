package io.spinewise.bench.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory as Linux counts it ({@code /proc/<pid>/status}): {@code VmRSS} now and
 * {@code VmHWM}, the most it has held since it started. What a pod's memory limit is checked against.
 */
record ProcessMemory(long rssKiB, long peakKiB) {

    static ProcessMemory of(long pid) {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line);
                }
            }
            return new ProcessMemory(rss, peak);
        } catch (IOException e) {
            throw new UncheckedIOException("no /proc status for process " + pid, e);
        }
    }

    double rssMiB() {
        return rssKiB / 1024.0;
    }

    double peakMiB() {
        return peakKiB / 1024.0;
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
