package io.spinewise.plan;

import io.spinewise.testsupport.TestDatabaseServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.spinewise.plan.MigrationSteps.count;
import static io.spinewise.plan.MigrationSteps.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V17 moves the audit log into monthly partitions: the same rows, ids and hashes, every hash still what
 * audit_event_hash computes, the chains linked, and the append-only rules enforced on each partition; the
 * runtime role can neither change a partition nor create or drop one except through the owner's functions.
 */
class AuditPartitionMigrationTest {

    /** Each row: id, time, clinic, prev_hash, hash, as text. */
    private static final String ROWS = "SELECT id || ' ' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
            + " || ' ' || coalesce(clinic_id, '-') || ' ' || coalesce(prev_hash, '-') || ' ' || hash"
            + " FROM audit_event ORDER BY id";

    /** The records numbered in the order of ids (the ids themselves have gaps). */
    private static final String NUMBERED = "(SELECT id, row_number() OVER (ORDER BY id) AS n FROM audit_event) AS r";

    private static final String OFF_CHAIN = """
            SELECT count(*) FROM (
                SELECT a.hash = audit_event_hash(a) AS unchanged,
                       a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER (PARTITION BY a.clinic_id ORDER BY a.id)
                           AS linked
                FROM audit_event a) AS chain
            WHERE NOT (unchanged AND linked)""";

    @Test
    void theRowsMoveIntoTheirMonthsWithTheirIdsAndHashesAndTheChainsStillVerify() throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("auditpart");
        flyway(db, "14").migrate();
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            for (String clinic : new String[] {"'north'", "'south'", "'north'", "NULL", "'north'", "'south'", "'north'"}) {
                s.execute("INSERT INTO audit_event (clinic_id, actor, actor_name, action, outcome, status, target)"
                        + " VALUES (" + clinic + ", 'someone', 'Dr Ünïcode \"quoted\"', 'patient.read', 'SUCCESS', 200,"
                        + " 'before the partitions')");
            }
        }
        // spread over three months of last year and this month, the chain rewritten as V5 wrote it
        asSuperuser(db, "SET session_replication_role = replica",
                "UPDATE audit_event a SET at = timestamptz '2025-01-31 23:59:59.999999+00' FROM " + NUMBERED
                        + " WHERE a.id = r.id AND r.n <= 2",
                "UPDATE audit_event a SET at = timestamptz '2025-02-01 00:00:00+00' + r.n * interval '1 hour' FROM "
                        + NUMBERED + " WHERE a.id = r.id AND r.n IN (3, 4)",
                "UPDATE audit_event a SET at = timestamptz '2025-06-15 12:00:00+00' FROM " + NUMBERED
                        + " WHERE a.id = r.id AND r.n = 5",
                REHASH);
        List<String> before;
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            before = strings(s, ROWS);
            assertThat(count(s, OFF_CHAIN)).isZero();
        }

        flyway(db, "latest").migrate();

        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            assertThat(strings(s, ROWS)).as("the same ids, times, clinics and hashes").isEqualTo(before);
            assertThat(count(s, OFF_CHAIN)).as("records off their clinic's chain").isZero();
            assertThat(strings(s, "SELECT h.clinic_key || ' ' || (h.last_id = e.id AND h.last_hash = e.hash)"
                    + " FROM audit_chain_head h JOIN LATERAL (SELECT id, hash FROM audit_event"
                    + " WHERE coalesce(clinic_id, '') = h.clinic_key ORDER BY id DESC LIMIT 1) e ON true ORDER BY 1"))
                    .as("V18: each clinic's chain head is its last record").containsExactly(" true", "north true", "south true");
            assertThat(strings(s, "SELECT relkind::text FROM pg_class WHERE oid = 'audit_event'::regclass"))
                    .containsExactly("p");
            assertThat(strings(s, "SELECT r.n || ' ' || a.tableoid::regclass FROM audit_event a JOIN " + NUMBERED
                    + " ON r.id = a.id WHERE r.n <= 5 ORDER BY r.n"))
                    .containsExactly("1 audit_event_2025_01", "2 audit_event_2025_01", "3 audit_event_2025_02",
                            "4 audit_event_2025_02", "5 audit_event_2025_06");
            assertThat(count(s, "SELECT count(*) FROM audit_event_default")).isZero();
            // this month and the next three exist ahead of any write
            assertThat(count(s, """
                    SELECT count(*) FROM generate_series(0, 3) AS m
                    WHERE to_regclass(to_char(date_trunc('month', now() AT TIME ZONE 'UTC')
                        + make_interval(months => m), '"audit_event_"YYYY_MM')) IS NOT NULL""")).isEqualTo(4);
            // the primary key and V1's and V5's three indexes on each partition
            assertThat(count(s, "SELECT count(*) FROM pg_indexes WHERE tablename = 'audit_event_2025_02'")).isEqualTo(4);
            // the owner, past every grant, is still held by the append-only triggers on a partition
            for (String sql : List.of("UPDATE audit_event_2025_01 SET actor = 'x'", "DELETE FROM audit_event_2025_02",
                    "TRUNCATE audit_event_2025_06", "TRUNCATE audit_event_default", "UPDATE audit_event SET actor = 'x'",
                    "TRUNCATE audit_event")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).hasMessageContaining("append-only");
            }
        }

        try (Connection service = DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
             Statement s = service.createStatement()) {
            s.execute("INSERT INTO audit_event (clinic_id, actor, action, outcome, status)"
                    + " VALUES ('north', 'someone', 'patient.read', 'SUCCESS', 200)");
            assertThat(count(s, OFF_CHAIN)).as("a new record continues its clinic's chain").isZero();
            assertThat(count(s, "SELECT count(*) FROM audit_event WHERE prev_hash IS NULL")).isEqualTo(3);
            for (String sql : List.of("UPDATE audit_event_2025_01 SET actor = 'x'", "DELETE FROM audit_event_2025_02",
                    "TRUNCATE audit_event_2025_06", "SELECT * FROM audit_event_2025_06",
                    "INSERT INTO audit_event_default (id, actor, action, outcome, status, hash)"
                            + " VALUES (999, 'x', 'x', 'x', 1, 'x')",
                    "DROP TABLE audit_event_2025_01", "ALTER TABLE audit_event_2025_01 DISABLE TRIGGER ALL",
                    "ALTER TABLE audit_event DETACH PARTITION audit_event_2025_01",
                    "CREATE TABLE audit_event_2030_01 PARTITION OF audit_event"
                            + " FOR VALUES FROM ('2030-01-01') TO ('2030-02-01')",
                    "SELECT audit_partition_create(date '2030-01-01')",
                    "INSERT INTO audit_event (at, clinic_id, actor, action, outcome, status)"
                            + " VALUES ('2025-01-05', 'north', 'someone', 'backdated', 'SUCCESS', 200)",
                    "UPDATE audit_anchor SET last_hash = 'x'", "INSERT INTO audit_anchor (last_id, last_at, last_hash,"
                            + " dropped_before) VALUES (1, now(), 'x', now())")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql + ": " + e.getMessage())
                                .isEqualTo("42501"));
            }
            assertThat(count(s, "SELECT audit_partitions_ensure(3)")).as("all there already").isZero();
            assertThatThrownBy(() -> s.execute("SELECT audit_partitions_drop_expired(6)"))
                    .hasMessageContaining("at least 12");
        }
    }

    @Test
    void aWriteWithoutItsMonthsPartitionLandsInTheDefaultAndMovesWhenThePartitionIsCreated() throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("auditdefault");
        flyway(db, "latest").migrate();
        String month;
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            month = strings(s, "SELECT to_char(now() AT TIME ZONE 'UTC', '\"audit_event_\"YYYY_MM')").get(0);
            s.execute("DROP TABLE " + month);
        }
        try (Connection service = DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
             Statement s = service.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("INSERT INTO audit_event (clinic_id, actor, action, outcome, status)"
                        + " VALUES ('north', 'someone', 'patient.read', 'SUCCESS', 200)");
            }
            assertThat(strings(s, "SELECT DISTINCT tableoid::regclass::text FROM audit_event"))
                    .containsExactly("audit_event_default");
            List<String> before = strings(s, ROWS);

            assertThat(count(s, "SELECT audit_partitions_ensure(3)")).isEqualTo(1);

            assertThat(strings(s, "SELECT DISTINCT tableoid::regclass::text FROM audit_event")).containsExactly(month);
            assertThat(strings(s, ROWS)).isEqualTo(before);
            assertThat(count(s, OFF_CHAIN)).isZero();
            s.execute("INSERT INTO audit_event (clinic_id, actor, action, outcome, status)"
                    + " VALUES ('north', 'someone', 'patient.read', 'SUCCESS', 200)");
            assertThat(count(s, OFF_CHAIN)).isZero();
        }
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.execute("DELETE FROM " + month)).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("TRUNCATE " + month)).hasMessageContaining("append-only");
            assertThat(count(s, "SELECT count(*) FROM pg_indexes WHERE tablename = '" + month + "'")).isEqualTo(4);
        }
    }

    @Test
    void aRecordWhoseWaitCrossedTheEndOfAMonthStaysInTheMonthItWasRoutedTo() throws SQLException {
        TestDatabaseServer.ServiceDatabase db = TestDatabaseServer.get().createServiceDatabase("auditclamp");
        flyway(db, "latest").migrate();
        try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             Statement s = owner.createStatement()) {
            // the owner may give a time (the runtime role may not): the row is routed by it, as by the
            // column default, and the trigger's later clock lies in another month, as after a long lock wait
            s.execute("INSERT INTO audit_event (at, clinic_id, actor, action, outcome, status)"
                    + " VALUES ('2025-03-31 23:59:59+00', 'north', 'someone', 'patient.read', 'SUCCESS', 200)");
            assertThat(strings(s, "SELECT tableoid::regclass || ' ' || to_char(at AT TIME ZONE 'UTC',"
                    + " 'YYYY-MM-DD HH24:MI:SS.US') FROM audit_event"))
                    .containsExactly("audit_event_default 2025-03-31 23:59:59.999999");
            assertThat(count(s, OFF_CHAIN)).isZero();
        }
    }

    /** V5's walk: each clinic's records in the order of ids, each linked to the one before. */
    private static final String REHASH = """
            DO $$
            DECLARE
                r audit_event;
                previous_clinic text;
                previous_hash text;
                first boolean := true;
            BEGIN
                FOR r IN SELECT * FROM audit_event ORDER BY clinic_id NULLS FIRST, id LOOP
                    IF first OR r.clinic_id IS DISTINCT FROM previous_clinic THEN
                        previous_hash := NULL;
                    END IF;
                    r.prev_hash := previous_hash;
                    r.hash := audit_event_hash(r);
                    UPDATE audit_event SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
                    previous_clinic := r.clinic_id;
                    previous_hash := r.hash;
                    first := false;
                END LOOP;
            END;
            $$""";

    private static void asSuperuser(TestDatabaseServer.ServiceDatabase db, String... statements) throws SQLException {
        TestDatabaseServer server = TestDatabaseServer.get();
        try (Connection c = DriverManager.getConnection(db.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
