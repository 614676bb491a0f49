package io.spinewise.bench.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A closed loop: a fixed pool of {@code concurrency} platform threads (Java 17 has no virtual
 * threads), each sending a request, reading the whole answer and sending the next, for a fixed
 * time. The rate is what the service sustains at that concurrency; the latencies are what a user
 * would see, including queueing in the service. Closed loops under-report latency when the
 * server stalls (coordinated omission), so the p99 here is a floor, not a promise.
 */
public final class ClosedLoopLoad {

    private final HttpClient http;
    private final CpuMeter database;

    public ClosedLoopLoad(HttpClient http, CpuMeter database) {
        this.http = http;
        this.database = database;
    }

    /** Runs the scenario without recording: JIT compilation, connection pools and caches warm up. */
    public void warmUp(Scenario scenario, int concurrency, Duration duration) {
        drive(scenario, concurrency, duration);
    }

    public LoadResult measure(Scenario scenario, CpuMeter service, int concurrency, Duration duration) {
        double serviceBefore = seconds(service.total());
        double databaseBefore = seconds(database.total());
        long start = System.nanoTime();
        List<Recorder> recorders = drive(scenario, concurrency, duration);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double serviceCpu = seconds(service.total()) - serviceBefore;
        double databaseCpu = seconds(database.total()) - databaseBefore;
        return result(scenario.name(), concurrency, recorders, elapsed, serviceCpu, databaseCpu);
    }

    private List<Recorder> drive(Scenario scenario, int concurrency, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Recorder>> futures = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                futures.add(pool.submit(() -> loop(scenario, end)));
            }
            List<Recorder> recorders = new ArrayList<>();
            for (Future<Recorder> f : futures) {
                recorders.add(f.get());
            }
            return recorders;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("load worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Recorder loop(Scenario scenario, long end) throws InterruptedException {
        Recorder recorder = new Recorder();
        while (System.nanoTime() < end) {
            send(http, scenario, recorder, System.nanoTime());
        }
        return recorder;
    }

    /**
     * Sends the scenario's next request and records its latency counted from {@code since} (the send, or the
     * time a fixed-rate load meant to send it), or the error: a non-2xx answer or a failed request.
     */
    static void send(HttpClient http, Scenario scenario, Recorder recorder, long since) throws InterruptedException {
        HttpRequest request = scenario.next().get();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                recorder.bytes += body.transferTo(OutputStream.nullOutputStream());
            }
            if (response.statusCode() / 100 != 2) {
                recorder.error(request.method() + " " + request.uri().getPath() + " → " + response.statusCode());
                return;
            }
        } catch (IOException e) {
            recorder.error(request.uri().getPath() + ": " + e);
            return;
        }
        recorder.add(System.nanoTime() - since);
    }

    /** The runs' results as one: latencies, errors (the first one printed), bytes, and the CPU meters' deltas. */
    static LoadResult result(String call, int concurrency, List<Recorder> recorders, double elapsed,
                             double serviceCpu, double databaseCpu) {
        long errors = recorders.stream().mapToLong(r -> r.errors).sum();
        long bytes = recorders.stream().mapToLong(r -> r.bytes).sum();
        long[] nanos = recorders.stream().flatMapToLong(r -> Arrays.stream(r.nanos, 0, r.size)).toArray();
        recorders.stream().map(r -> r.firstError).filter(e -> e != null).findFirst()
                .ifPresent(e -> System.err.println("  " + call + " at " + concurrency + ": " + errors
                        + " errors, first: " + e));
        return LoadResult.of(call, concurrency, errors, elapsed, nanos, bytes, serviceCpu, databaseCpu);
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** One worker's latencies (a growing primitive array: no boxing on the measured path). */
    static final class Recorder {
        long[] nanos = new long[4096];
        int size;
        long errors;
        long bytes;
        String firstError;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        void error(String description) {
            errors++;
            if (firstError == null) {
                firstError = description;
            }
        }
    }
}
