package io.spinewise.common.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets for the HTTP server timer, so that Prometheus can compute a p95 over all pods
 * ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}): the alerts in
 * {@code k8s/overlays/prod/alerts.yaml} and the SLOs in docs/operations.md need them. A fixed, short
 * list (not Micrometer's 70-odd percentile buckets) keeps each endpoint at 13 series.
 */
@Singleton
public class LatencyBuckets {

    /** From a fast read to a long export; the SLO thresholds (300 ms, 60 s) are among them. */
    static final long[] BUCKET_MILLIS = {10, 25, 50, 100, 200, 300, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        double[] nanos = LongStream.of(BUCKET_MILLIS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
