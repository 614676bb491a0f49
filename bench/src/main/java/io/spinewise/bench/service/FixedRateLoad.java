package io.spinewise.bench.service;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: requests meant to leave at a fixed rate, each latency counted from the moment it was meant to
 * leave, not from when a worker got to it. A service that stalls therefore shows the whole queue it built in its
 * p99 (a closed loop would have waited politely: coordinated omission). {@code workers} threads send; when all
 * are busy the next request leaves late and its lateness counts. Every request's scheduled, sent and answered times
 * are kept ({@link Timeline}), so that its stalls can be laid beside the server's log ({@link Stalls}).
 */
final class FixedRateLoad {

    private final HttpClient http;
    private final CpuMeter database;

    FixedRateLoad(HttpClient http, CpuMeter database) {
        this.http = http;
        this.database = database;
    }

    /** A run's figures and its requests one by one. */
    record Run(LoadResult result, Timeline timeline) {
    }

    /** The scenario at {@code perSecond} for {@code duration}; the result's "concurrency" is the workers. */
    Run measure(Scenario scenario, CpuMeter service, double perSecond, int workers, Duration duration) {
        double serviceBefore = ClosedLoopLoad.seconds(service.total());
        double databaseBefore = ClosedLoopLoad.seconds(database.total());
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime() + Duration.ofMillis(50).toNanos();
        // nanoTime → µs since the epoch, for the timeline
        long epochMicros = System.currentTimeMillis() * 1000 - System.nanoTime() / 1000;
        long end = start + duration.toNanos();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<ClosedLoopLoad.Recorder> recorders = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        try {
            List<Future<Timeline>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                ClosedLoopLoad.Recorder recorder = new ClosedLoopLoad.Recorder();
                recorders.add(recorder);
                futures.add(pool.submit(() -> {
                    Timeline timeline = new Timeline();
                    for (long due = start + next.getAndIncrement() * interval; due < end;
                         due = start + next.getAndIncrement() * interval) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        long sent = System.nanoTime();
                        int answers = recorder.size;
                        ClosedLoopLoad.send(http, scenario, recorder, due);
                        if (recorder.size > answers) {
                            timeline.add(epochMicros + due / 1000, epochMicros + sent / 1000,
                                    epochMicros + (due + recorder.nanos[answers]) / 1000);
                        }
                    }
                    return timeline;
                }));
            }
            for (Future<Timeline> f : futures) {
                timelines.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("load worker failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        LoadResult result = ClosedLoopLoad.result(scenario.name() + " at a fixed rate", workers, recorders, elapsed,
                ClosedLoopLoad.seconds(service.total()) - serviceBefore,
                ClosedLoopLoad.seconds(database.total()) - databaseBefore);
        return new Run(result, Timeline.merge(timelines));
    }
}
