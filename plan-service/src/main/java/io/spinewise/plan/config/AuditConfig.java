package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log's partitions and retention ({@code spinewise.audit.*}); see docs/deployment.md. */
@ConfigMapping(prefix = "spinewise.audit")
public interface AuditConfig {

    /**
     * Whole months of audit records kept before the current one; older months are dropped by the daily job.
     * 0 keeps them forever (the default: deleting evidence is the clinic's decision, never Spinewise's);
     * fewer than 12 is refused by the database.
     */
    @WithDefault("0")
    int retentionMonths();

    /** How many months ahead of the current one the daily job creates the audit log's partitions. */
    @WithDefault("3")
    int monthsAhead();

    /**
     * How often chain 0 of each clinic whose other chains moved records their heads (a checkpoint: one record per
     * clinic and interval at most); read by the scheduler as {@code spinewise.audit.checkpoint-every}, here for
     * the documentation. The first run comes one interval after the start.
     */
    @WithDefault("1h")
    String checkpointEvery();

    /** Whether this replica runs the daily partition job and the checkpoints (safe on every replica). */
    @WithDefault("true")
    boolean jobs();
}
