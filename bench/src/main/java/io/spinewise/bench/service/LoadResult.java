package io.spinewise.bench.service;

import java.util.Arrays;

/**
 * What one closed-loop run measured: calls completed in the measured window, their latencies
 * (to the last byte of the answer), errors (non-2xx answers and failed requests), and the CPU
 * time the service and PostgreSQL spent in that window.
 */
public record LoadResult(String call, int concurrency, long calls, long errors, double seconds, long[] sortedNanos,
                  long bytes, double serviceCpuSeconds, double databaseCpuSeconds) {

    public static LoadResult of(String call, int concurrency, long errors, double seconds, long[] nanos, long bytes,
                         double serviceCpuSeconds, double databaseCpuSeconds) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(call, concurrency, sorted.length, errors, seconds, sorted, bytes, serviceCpuSeconds,
                databaseCpuSeconds);
    }

    public double perSecond() {
        return calls / seconds;
    }

    /** The latency below which {@code percent} % of the calls finished, in milliseconds (nearest rank). */
    public double percentileMillis(double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** Share of one core the service used: 100 % means the pod's 1-vCPU limit was the bottleneck. */
    double serviceCpuPercent() {
        return 100 * serviceCpuSeconds / seconds;
    }

    double serviceCpuMillisPerCall() {
        return calls == 0 ? Double.NaN : 1000 * serviceCpuSeconds / calls;
    }

    double databaseCpuMillisPerCall() {
        return calls == 0 ? Double.NaN : 1000 * databaseCpuSeconds / calls;
    }
}
