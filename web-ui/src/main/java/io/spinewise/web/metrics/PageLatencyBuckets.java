package io.spinewise.web.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets for web-ui's HTTP server timer, so that Prometheus computes a page's p95 over all pods
 * ({@code http_server_requests_seconds_bucket}, the dashboard's Today page). The same 13 boundaries as the
 * services' (service-common {@code LatencyBuckets}), which web-ui cannot use: service-common also brings the
 * services' JSON problem mappers, which must not answer for pages.
 */
@Singleton
public class PageLatencyBuckets {

    /** From a fast page to a long download; the SLO threshold 300 ms is among them. */
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
