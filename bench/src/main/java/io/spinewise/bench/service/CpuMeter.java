package io.spinewise.bench.service;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used by a process and its descendants (for PostgreSQL: the postmaster and its
 * backends), read from the operating system. A backend that exits between two readings takes its
 * time with it; the services' pools keep theirs open, so that rarely matters here.
 */
public final class CpuMeter {

    private final long pid;

    public CpuMeter(long pid) {
        this.pid = pid;
    }

    public Duration total() {
        return ProcessHandle.of(pid)
                .map(root -> Stream.concat(Stream.of(root), root.descendants())
                        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }
}
