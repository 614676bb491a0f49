package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite (its name does not end in Test): measures the bytes of an audit record, heap and
 * indexes, over every partition, with records as the service writes them, one insert each through the chain
 * trigger as the runtime role. Two thirds are patients' reads of their own data, one third staff calls on a
 * patient. Run: {@code ./mvnw -o -B -ntp -pl plan-service -am verify -DskipITs -Dtest=AuditRowSizeMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false -Daudit.rows=200000}; figures in bench/README.md.
 */
class AuditRowSizeMeasurement {

    private static final String RECORDS = """
            INSERT INTO audit_event (clinic_id, actor, actor_name, actor_role, patient_id, action, outcome, status, target)
            SELECT 'clinic-' || (n %% 50), p.subject, CASE WHEN n %% 3 = 2 THEN 'Dr Ada Lovelace' ELSE 'Paula Patientname' END,
                   CASE WHEN n %% 3 = 2 THEN 'chiropractor' ELSE 'patient' END, p.id,
                   CASE n %% 3 WHEN 0 THEN 'me.today' WHEN 1 THEN 'checkoff.create' ELSE 'patient.read' END,
                   'SUCCESS', CASE n %% 3 WHEN 1 THEN 201 ELSE 200 END,
                   CASE n %% 3 WHEN 0 THEN 'GET /api/me/today' WHEN 1 THEN 'session ' || gen_random_uuid()
                        ELSE 'GET /api/patients/' || p.id END
            FROM generate_series(%d, %d) AS n,
                 LATERAL (SELECT gen_random_uuid() AS id, gen_random_uuid()::text AS subject WHERE n IS NOT NULL) AS p""";

    private static final String SIZES = """
            SELECT count(*) AS records,
                   (SELECT sum(pg_relation_size(relid)) FROM pg_partition_tree('audit_event')) AS heap,
                   (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('audit_event')) AS total
            FROM audit_event""";

    @Test
    void bytesPerAuditRecord() throws SQLException {
        int rows = Integer.getInteger("audit.rows", 100_000);
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("auditsize");
        Flyway.configure().dataSource(db.url(), db.owner(), db.ownerPassword()).locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", db.runtimeUser())).load().migrate();
        try (Connection service = DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
             Statement s = service.createStatement()) {
            for (int from = 1; from <= rows; from += 10_000) {
                s.execute(RECORDS.formatted(from, Math.min(rows, from + 9_999)));
            }
        }
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            s.execute("VACUUM ANALYZE audit_event");
            try (ResultSet rs = s.executeQuery(SIZES)) {
                rs.next();
                long records = rs.getLong("records");
                long heap = rs.getLong("heap");
                long total = rs.getLong("total");
                System.out.printf("audit_event: %d records, %.1f MB with indexes; per record %.0f bytes"
                                + " (heap %.0f, indexes %.0f)%n", records, total / 1e6, (double) total / records,
                        (double) heap / records, (double) (total - heap) / records);
                assertThat(records).isEqualTo(rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT i.indexrelid::regclass AS name, pg_relation_size(i.indexrelid)"
                    + " AS bytes FROM pg_index i JOIN pg_partition_tree('audit_event') t ON t.relid = i.indrelid"
                    + " WHERE t.isleaf ORDER BY 2 DESC")) {
                while (rs.next()) {
                    if (rs.getLong("bytes") > 16_384) {
                        System.out.printf("  index %s: %.0f bytes per record%n", rs.getString("name"),
                                (double) rs.getLong("bytes") / rows);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT avg(pg_column_size(a.*)) AS tuple,"
                    + " avg(pg_column_size(hash) + coalesce(pg_column_size(prev_hash), 0)) AS hashes,"
                    + " avg(coalesce(pg_column_size(target), 0)) AS target FROM audit_event a")) {
                rs.next();
                System.out.printf("  average tuple %.0f bytes, of which hash and prev_hash %.0f, target %.0f%n",
                        rs.getDouble("tuple"), rs.getDouble("hashes"), rs.getDouble("target"));
            }
        }
    }
}
