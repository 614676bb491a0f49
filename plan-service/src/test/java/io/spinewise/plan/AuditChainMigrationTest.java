package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.spinewise.plan.MigrationSteps.count;
import static io.spinewise.plan.MigrationSteps.flyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database with audit records written before the hash chain existed gets a chain from the
 * migration that introduces it, each clinic's own, which new records then continue.
 */
class AuditChainMigrationTest {

    @Test
    void recordsWrittenBeforeTheChainGetOnePerClinicThatNewRecordsContinue() throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("chain");
        flyway(db, "4").migrate();
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            // interleaved clinics, and a record without a clinic, as the log held them before
            for (String clinic : new String[] {"'north'", "'south'", "'north'", "NULL", "'north'", "'south'"}) {
                s.execute("INSERT INTO audit_event (clinic_id, actor, action, outcome, status, target)"
                        + " VALUES (" + clinic + ", 'someone', 'patient.read', 'SUCCESS', 200, 'before the chain')");
            }
        }

        flyway(db, "latest").migrate();

        try (Connection service = DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
             Statement s = service.createStatement()) {
            s.execute("INSERT INTO audit_event (clinic_id, actor, action, outcome, status)"
                    + " VALUES ('north', 'someone', 'patient.read', 'SUCCESS', 200)");
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE hash IS NULL")).isZero();
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE prev_hash IS NULL"))
                    .as("one start per chain: north, south and the records without a clinic").isEqualTo(3);
            assertThat(count(s, """
                    SELECT count(*) FROM (
                        SELECT a.hash = audit_event_hash(a) AS unchanged,
                               a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER (PARTITION BY a.clinic_id ORDER BY a.id)
                                   AS linked
                        FROM audit_event a) AS chain
                    WHERE NOT (unchanged AND linked)""")).as("records off their clinic's chain").isZero();
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE clinic_id = 'north'")).isEqualTo(4);
        }
    }
}
