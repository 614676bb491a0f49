package io.spinewise.plan.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The audit log's monthly partitions (V17__audit_partitioning.sql), through the two functions that run as
 * the schema owner: the service's own role has no right to create or drop a table.
 */
@ApplicationScoped
public class AuditPartitions {

    private static final NamedSql ENSURE = new NamedSql("SELECT audit_partitions_ensure(:ahead) AS created");
    private static final NamedSql DROP_EXPIRED = new NamedSql(
            "SELECT audit_partitions_drop_expired(:months) AS dropped");

    @Inject
    Database database;

    /** Creates this month's partition and the next {@code monthsAhead}; how many were missing. */
    public int ensure(int monthsAhead) {
        return database.first(ENSURE, SqlValues.of("ahead", monthsAhead), rs -> rs.getInt("created")).orElse(0);
    }

    /**
     * Drops the months older than {@code retentionMonths} before the current one (0: none), each clinic's
     * drop recorded in its own chain; how many records were dropped.
     */
    public long dropExpired(int retentionMonths) {
        return database.first(DROP_EXPIRED, SqlValues.of("months", retentionMonths), rs -> rs.getLong("dropped"))
                .orElse(0L);
    }
}
