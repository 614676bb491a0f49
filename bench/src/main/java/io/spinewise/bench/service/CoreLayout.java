package io.spinewise.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which cores the bench's processes run on. The services are always pinned to {@link Services#SERVICE_CORE}
 * (one pod = one core).
 * <ul>
 * <li>{@code shared} (every run before 2026-11-30): PostgreSQL and the load generator run wherever the kernel puts
 * them, so they also take turns on the service's core; its threads then wait for their own core
 * (7.0 of 10 s in the run "Margin 1 or 9"), which a pod with a CPU of its own does not.</li>
 * <li>{@code split} (the default): PostgreSQL and the load generator (the patients' phones) are pinned to the other
 * cores, the service has its core to itself. pgbench, which stands in for the service when the database's ceiling
 * is measured, runs on the service's core, so the database gets the same cores in both measurements.</li>
 * </ul>
 */
enum CoreLayout {
    SHARED, SPLIT;

    /**
     * The machine's cores, read before anything is pinned: once this JVM is pinned, it reports only the cores
     * it may use.
     */
    static final int CORES = Runtime.getRuntime().availableProcessors();

    static CoreLayout parse(String name) {
        return switch (name) {
            case "shared" -> SHARED;
            case "split" -> SPLIT;
            default -> throw new IllegalArgumentException("--layout is split or shared, not " + name);
        };
    }

    /** Whether this machine can split: at least two cores and {@code taskset}. */
    private boolean splits() {
        return this == SPLIT && CORES > 1 && tasksetInstalled();
    }

    static boolean tasksetInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset"));
    }

    /** The cores other than the service's, as taskset's list ({@code 0} on 2 cores). */
    private static String otherCores() {
        return IntStream.range(0, CORES)
                .filter(core -> core != Services.SERVICE_CORE)
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /**
     * Pins the running server (the postmaster, and every process it has started: checkpointer, WAL writer,
     * backends) to the other cores; the backends it forks later inherit the postmaster's.
     */
    void placeDatabase(long postmasterPid) {
        if (!splits()) {
            return;
        }
        List<Long> pids = new ArrayList<>(List.of(postmasterPid));
        ProcessHandle.of(postmasterPid).ifPresent(p -> p.descendants().forEach(child -> pids.add(child.pid())));
        pids.forEach(CoreLayout::pinToOtherCores);
    }

    /** Pins this JVM, the load generator, with all its threads (threads started later inherit it). */
    void placeLoadGenerator() {
        if (splits()) {
            pinToOtherCores(ProcessHandle.current().pid());
        }
    }

    /** What pgbench runs under: on the service's core when split, so that it takes the service's place. */
    List<String> pgbenchPrefix() {
        return splits() ? List.of("taskset", "-c", Integer.toString(Services.SERVICE_CORE)) : List.of();
    }

    /** For the report, printed under every table. */
    String describe() {
        if (splits()) {
            return "cores split: the services alone on core " + Services.SERVICE_CORE + ", PostgreSQL and the load"
                    + " generator on core " + otherCores() + ", pgbench (in the service's place) on core "
                    + Services.SERVICE_CORE;
        }
        return "cores shared: the services on core " + Services.SERVICE_CORE + ", PostgreSQL and the load generator"
                + " unpinned" + (this == SPLIT ? " (split asked for, but this machine has one core or no taskset)" : "");
    }

    private static void pinToOtherCores(long pid) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", otherCores(), Long.toString(pid))
                    .redirectErrorStream(true).start();
            String output = new String(taskset.getInputStream().readAllBytes());
            if (taskset.waitFor() != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("taskset could not pin process " + pid + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("taskset could not pin process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning process " + pid, e);
        }
    }
}
