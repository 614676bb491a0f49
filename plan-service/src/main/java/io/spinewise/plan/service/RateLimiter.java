package io.spinewise.plan.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.config.PlanConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Per-user allowances as token buckets (Bucket4j), one per limit and user (clinic and subject of the
 * token), kept in this pod's memory: behind a load balancer with N pods a user may get up to N times
 * the allowance (docs/reliability.md, "Limits"). A bucket left alone for a whole period is full again,
 * so it is dropped then (Caffeine), which bounds the memory by the users active lately.
 */
@ApplicationScoped
public class RateLimiter {

    /** What is limited, in the words a refusal uses. */
    public enum Limit {
        WRITES("writes", Duration.ofMinutes(1), "a minute"),
        ENROLMENTS("enrolments", Duration.ofHours(1), "an hour"),
        EXPORTS("exports", Duration.ofHours(1), "an hour");

        private final String words;
        private final Duration period;
        private final String perPeriod;

        Limit(String words, Duration period, String perPeriod) {
            this.words = words;
            this.period = period;
            this.perPeriod = perPeriod;
        }
    }

    /** Users kept per limit at most; one pushed out early only gets a fresh allowance. */
    private static final int MAX_USERS = 100_000;

    private final Map<Limit, Cache<String, Bucket>> buckets = new EnumMap<>(Limit.class);

    @Inject
    PlanConfig config;

    public RateLimiter() {
        for (Limit limit : Limit.values()) {
            buckets.put(limit, Caffeine.newBuilder().expireAfterAccess(limit.period).maximumSize(MAX_USERS).build());
        }
    }

    /** Takes one request from the user's allowance, or refuses it with a 429 problem naming the limit. */
    public void acquire(Limit limit, String clinicId, String subject) {
        int allowance = allowance(limit);
        Bucket bucket = buckets.get(limit).get(clinicId + '\n' + subject, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillGreedy(allowance, limit.period).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)
                    / TimeUnit.SECONDS.toNanos(1));
            throw ProblemException.tooManyRequests("Too many " + limit.words + ": at most " + allowance + " "
                    + limit.perPeriod + " per user. Try again in " + seconds + " s.", seconds);
        }
    }

    private int allowance(Limit limit) {
        return switch (limit) {
            case WRITES -> config.limits().writesPerMinute();
            case ENROLMENTS -> config.limits().enrolmentsPerHour();
            case EXPORTS -> config.limits().exportsPerHour();
        };
    }
}
