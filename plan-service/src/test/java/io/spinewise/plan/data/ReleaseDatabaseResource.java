package io.spinewise.plan.data;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.spinewise.testsupport.PostgresTestResource;
import io.spinewise.testsupport.TestDatabaseServer;
import io.spinewise.testsupport.upgrade.ClinicHistory;
import io.spinewise.testsupport.upgrade.TableDigests;
import io.spinewise.testsupport.upgrade.TableDump;
import org.flywaydb.core.Flyway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The database of a clinic that ran release 0.1.0 for two years, handed to the service under test, which
 * migrates it at start-up as on the first start of a new version ({@link UpgradeFromReleaseTest}):
 * <ol>
 * <li>the schema of 0.1.0: today's migrations up to its Flyway version ({@value #RELEASE_VERSION}; applied
 * migrations never change, Flyway checks their checksums, so this is the schema 0.1.0 built);</li>
 * <li>the data 0.1.0's own code wrote: {@code release-0.1.0/plan.copy.gz}, dumped ({@code TableDump}) from
 * {@code ./spinewise up} of tag v0.1.0 after its demo activity (two clinics, questionnaires, reminders,
 * remote-monitoring time, the audit chain);</li>
 * <li>two years of history on top ({@link ClinicHistory}): clinics {@value #HARBOUR} and {@value #LAKESIDE}
 * with {@value #HISTORY_PATIENTS} patients in all, about 160,000 check-offs, one in 40 undone, and an audit
 * chain of about {@value #AUDIT_PER_PATIENT} records a patient spread over the two years in monthly
 * partitions, as 0.1.0's partition job would have left them.</li>
 * </ol>
 * Before handing it over it notes, in schema {@code upgrade_before} (which no migration touches), what a
 * check after the upgrade compares: every table's row digest ({@link TableDigests}), the last audit id, and
 * each clinic's adherence CSV computed by the report's SQL ({@link AdherenceDays}) over this schema.
 */
public class ReleaseDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String RELEASE_VERSION = "17";
    static final String HARBOUR = "harbour";
    static final String LAKESIDE = "lakeside";
    static final List<String> CLINICS = List.of("north", "south", HARBOUR, LAKESIDE);
    static final int HISTORY_PATIENTS = 200;
    static final int AUDIT_PER_PATIENT = 100;

    /**
     * Audit records over the two years, in the order of their ids and times, each clinic's chained as the
     * chain trigger links them (written with triggers off, so the times can lie in the past). The monthly
     * partitions are made first by the owner ({@link #AUDIT_PARTITIONS}), as 0.1.0's partition job makes them
     * ahead of time.
     */
    private static final String AUDIT_HISTORY = """
            DO $$
            DECLARE
                r audit_event;
                last_hash jsonb := '{}';
            BEGIN
                FOR r IN
                    SELECT nextval('audit_event_id_seq') AS id, e.at, p.clinic_id,
                           (ARRAY['dr.ada', 'dr.ben', 'dr.cleo'])[1 + e.n % 3] AS actor,
                           'chiropractor' AS actor_role, p.id AS patient_id,
                           (ARRAY['patient.read', 'plan.create', 'checkoff.create', 'dashboard.read'])[1 + e.n % 4] AS action,
                           'SUCCESS' AS outcome, 200 AS status, 'history ' || e.n AS target,
                           'Dr ' || initcap((ARRAY['ada', 'ben', 'cleo'])[1 + e.n % 3]) AS actor_name,
                           NULL AS prev_hash, '' AS hash
                    FROM patient p
                    CROSS JOIN LATERAL generate_series(1, :per_patient) AS e0(n)
                    CROSS JOIN LATERAL (SELECT e0.n, now() - interval '730 days'
                        + (e0.n * 7.2 + abs(hashtext(p.id::text)) % 7) * interval '1 day' AS at) e
                    WHERE p.clinic_id IN ('harbour', 'lakeside')
                    ORDER BY e.at, p.id
                LOOP
                    r.prev_hash := last_hash ->> r.clinic_id;
                    r.hash := audit_event_hash(r);
                    INSERT INTO audit_event VALUES (r.*);
                    last_hash := jsonb_set(last_hash, ARRAY[r.clinic_id], to_jsonb(r.hash));
                END LOOP;
            END;
            $$""".replace(":per_patient", Integer.toString(AUDIT_PER_PATIENT));

    /** The months of the two years' partitions, made as the partition job makes them: by the schema's owner. */
    private static final String AUDIT_PARTITIONS = """
            SELECT count(*) FILTER (WHERE audit_partition_create(m::date))
            FROM generate_series(date_trunc('month', now() - interval '731 days'), date_trunc('month', now()),
                                 interval '1 month') AS m""";

    @Override
    public Map<String, String> start() {
        TestDatabaseServer server = TestDatabaseServer.get();
        TestDatabaseServer.ServiceDatabase db = server.createServiceDatabase("upgrade");
        Flyway.configure()
                .dataSource(db.url(), db.owner(), db.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("runtime_role", db.runtimeUser()))
                .target(RELEASE_VERSION)
                .load()
                .migrate();
        try (Connection superuser = DriverManager.getConnection(db.url(), server.user(), server.password());
             InputStream dump = ReleaseDatabaseResource.class.getResourceAsStream("/release-0.1.0/plan.copy.gz")) {
            superuser.setAutoCommit(true);
            TableDump.load(superuser, dump);
            addHistory(superuser, db);
            noteBefore(superuser, db);
        } catch (SQLException e) {
            throw new IllegalStateException("could not build release 0.1.0's database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PostgresTestResource.properties(db);
    }

    private static void addHistory(Connection superuser, TestDatabaseServer.ServiceDatabase db) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute("SELECT setseed(0.16)");
        }
        ClinicHistory.load(superuser, List.of(new ClinicHistory.Clinic(HARBOUR, 120, ClinicHistory.TWO_YEARS),
                new ClinicHistory.Clinic(LAKESIDE, HISTORY_PATIENTS - 120, ClinicHistory.TWO_YEARS)));
        try (Statement s = superuser.createStatement()) {
            s.execute("""
                    UPDATE session_checkoff SET undone_at = created_at + interval '10 minutes'
                    WHERE clinic_id IN ('harbour', 'lakeside') AND abs(hashtext(idempotency_key)) % 40 = 0""");
            try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
                 Statement o = owner.createStatement()) {
                o.execute(AUDIT_PARTITIONS);
            }
            s.execute("SET session_replication_role = replica");
            s.execute(AUDIT_HISTORY);
            s.execute("SET session_replication_role = origin");
            s.execute("ANALYZE");
        }
    }

    private static void noteBefore(Connection superuser, TestDatabaseServer.ServiceDatabase db) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE SCHEMA upgrade_before");
            s.execute("CREATE TABLE upgrade_before.digest (tbl text, columns text, rows bigint, md5 text)");
            s.execute("CREATE TABLE upgrade_before.report (clinic text, from_day date, to_day date, csv text)");
            s.execute("CREATE TABLE upgrade_before.audit AS SELECT max(id) AS last_id FROM audit_event");
        }
        try (PreparedStatement insert = superuser.prepareStatement("INSERT INTO upgrade_before.digest VALUES (?, ?, ?, ?)")) {
            for (TableDigests.TableDigest d : TableDigests.of(superuser)) {
                insert.setString(1, d.table());
                insert.setString(2, d.columns());
                insert.setLong(3, d.rows());
                insert.setString(4, d.md5());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Connection service = DriverManager.getConnection(db.url(), db.runtimeUser(), db.runtimePassword());
             PreparedStatement insert = superuser.prepareStatement(
                     "INSERT INTO upgrade_before.report VALUES (?, CAST(? AS date), CAST(? AS date), ?)")) {
            service.setAutoCommit(false);
            // the history's first day to the day before yesterday (UTC): before every patient's today
            LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(731);
            LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(2);
            for (String clinic : CLINICS) {
                ByteArrayOutputStream csv = new ByteArrayOutputStream();
                AdherenceDays.REPORT.copyCsv(service, SqlValues.of("now", Instant.now()).and("clinic", clinic)
                        .and("chiro", null).and("from", from).and("to", to), csv);
                service.commit();
                insert.setString(1, clinic);
                insert.setString(2, from.toString());
                insert.setString(3, to.toString());
                insert.setString(4, csv.toString(StandardCharsets.UTF_8));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the database is left for inspection after a failure, as PostgresTestResource leaves its own
    }
}
