package io.spinewise.plan.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.audit.AuditAction;
import io.spinewise.plan.audit.AuditLog;
import io.spinewise.plan.audit.AuditOutcome;
import io.spinewise.plan.config.RetentionConfig;
import io.spinewise.plan.data.AuditEvents;
import io.spinewise.plan.data.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * At start and then once a day on every replica (they take turns under an advisory lock): deletes the check-offs
 * and reminders older than their retention ({@code spinewise.retention.*}, docs/data-protection.md), in batches,
 * each batch in its own transaction with one audit record per clinic. Periods that make no sense stop the service at
 * start, naming the setting.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Rows deleted in one transaction: small enough not to hold locks and the rollup's triggers long. */
    static final int BATCH = 5_000;
    /** The actor of the retention's audit records, as the audit retention's own ({@code spinewise}). */
    static final String ACTOR = "spinewise";

    @Inject
    Retention retention;

    @Inject
    RetentionConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Today today;

    void refuseAbsurdPeriods(@Observes StartupEvent event) {
        List<String> refusals = RetentionConfig.refusals(config.checkoffMonths(), config.reminderMonths());
        if (!refusals.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refusals));
        }
    }

    @Scheduled(identity = "retention", every = "${spinewise.retention.every:24h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs()) {
            run(config.checkoffMonths(), config.reminderMonths());
        }
    }

    /** One run with these periods (0 keeps everything): how many rows of each kind were deleted. */
    public Map<Retention.Kind, Long> run(int checkoffMonths, int reminderMonths) {
        LocalDate today = this.today.in(ZoneOffset.UTC);
        Map<Retention.Kind, Long> deleted = new EnumMap<>(Retention.Kind.class);
        deleted.put(Retention.Kind.CHECK_OFFS, apply(Retention.Kind.CHECK_OFFS, checkoffMonths, today));
        deleted.put(Retention.Kind.REMINDERS, apply(Retention.Kind.REMINDERS, reminderMonths, today));
        return deleted;
    }

    /** Deletes the kind's rows dated before today minus {@code months}, batch by batch; how many. */
    private long apply(Retention.Kind kind, int months, LocalDate today) {
        if (months <= 0) {
            return 0;
        }
        LocalDate before = today.minusMonths(months);
        long total = 0;
        while (true) {
            Long batch = QuarkusTransaction.requiringNew().call(() -> deleteBatch(kind, before));
            if (batch == null) {
                LOG.debugf("Retention of %s: another replica is at it", kind.words());
                break;
            }
            total += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Retention: %d %s dated before %s deleted (%d months)", total, kind.words(), before, months);
        }
        return total;
    }

    /** One batch with its audit records, one per clinic; null while another replica holds the lock. */
    private Long deleteBatch(Retention.Kind kind, LocalDate before) {
        if (!retention.tryLock()) {
            return null;
        }
        Map<String, Long> byClinic = retention.deleteBatch(kind, before, BATCH);
        byClinic.forEach((clinic, count) -> audit.record(new AuditEvents.Entry(clinic, ACTOR, null, null, null,
                AuditAction.RETENTION_DELETE, AuditOutcome.SUCCESS.name(), 200,
                count + " " + kind.words() + " dated before " + before)));
        return byClinic.values().stream().mapToLong(Long::longValue).sum();
    }
}
