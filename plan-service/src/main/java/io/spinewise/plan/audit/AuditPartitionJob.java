package io.spinewise.plan.audit;

import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.config.AuditConfig;
import io.spinewise.plan.data.AuditPartitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start and then once a day on every replica (they take turns in the database): creates the audit log's
 * partitions of the coming months, then drops the months older than {@code spinewise.audit.retention-months}.
 * A write for which no partition exists still succeeds (the default partition), so a missed run loses nothing.
 */
@ApplicationScoped
public class AuditPartitionJob {

    private static final Logger LOG = Logger.getLogger(AuditPartitionJob.class);

    @Inject
    AuditPartitions partitions;

    @Inject
    AuditConfig config;

    @Scheduled(identity = "audit-partitions", every = "${spinewise.audit.every:24h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs()) {
            run();
        }
    }

    /** One run: the partitions ahead, then the retention. */
    public void run() {
        int created = partitions.ensure(config.monthsAhead());
        if (created > 0) {
            LOG.infof("Audit log: %d monthly partitions created", created);
        }
        long dropped = partitions.dropExpired(config.retentionMonths());
        if (dropped > 0) {
            LOG.infof("Audit log: %d records older than %d months dropped (retention)", dropped,
                    config.retentionMonths());
        }
    }
}
