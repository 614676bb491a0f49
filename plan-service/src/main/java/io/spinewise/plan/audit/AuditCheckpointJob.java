package io.spinewise.plan.audit;

import io.quarkus.scheduler.Scheduled;
import io.spinewise.plan.config.AuditConfig;
import io.spinewise.plan.data.AuditCheckpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Once an interval ({@code spinewise.audit.checkpoint-every}, 1 hour by default; the first one interval after the
 * start), each clinic whose chains 1-15 moved gets a checkpoint record on chain 0 naming their heads
 * (V25__audit_chain_checkpoint.sql), so that chain 0's last hash covers the whole log. Each clinic in its own
 * transaction (a checkpoint holds the clinic's 16 chain locks for a moment); on every replica, as the second to
 * come finds nothing moved.
 */
@ApplicationScoped
public class AuditCheckpointJob {

    private static final Logger LOG = Logger.getLogger(AuditCheckpointJob.class);

    @Inject
    AuditCheckpoints checkpoints;

    @Inject
    AuditConfig config;

    @Scheduled(identity = "audit-checkpoints", every = "${spinewise.audit.checkpoint-every:1h}",
            delayed = "${spinewise.audit.checkpoint-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.jobs()) {
            run();
        }
    }

    /** One run: a checkpoint for every clinic whose chains moved; how many were written. */
    public int run() {
        int written = 0;
        for (String clinic : checkpoints.due()) {
            try {
                if (checkpoints.write(clinic)) {
                    written++;
                }
            } catch (RuntimeException e) {
                // the next run tries again; one clinic's failure must not keep the others from theirs
                LOG.warnf(e, "Audit log: the checkpoint of clinic %s failed", clinic);
            }
        }
        if (written > 0) {
            LOG.infof("Audit log: %d checkpoints written", written);
        }
        return written;
    }
}
