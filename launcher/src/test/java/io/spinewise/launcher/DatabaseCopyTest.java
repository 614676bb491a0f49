package io.spinewise.launcher;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service database into a backup file and back ({@link DatabaseCopy}, {@link BackupArchive}) on a real
 * embedded PostgreSQL with the services' real migrations: every table's rows, the audit log's month
 * partitions, the sequences and Flyway's history come back as they were, the audit hash chain still
 * verifies and the runtime role can go on writing to it; a damaged or truncated file is refused naming
 * what is wrong, before anything is touched.
 */
class DatabaseCopyTest {

    /** The checkout, where each service's migrations are (the surefire configuration names its spinewise script). */
    private static final Path MIGRATIONS = Path.of(System.getProperty("spinewise.script", "../spinewise"))
            .toAbsolutePath().getParent().normalize();
    private static final Database.ServiceRoles PLAN = Database.ServiceRoles.of("plan");
    private static final Database.ServiceRoles CATALOG = Database.ServiceRoles.of("catalog");

    @TempDir
    static Path folder;
    private static EmbeddedDatabase server;

    @BeforeAll
    static void serverWithBothSchemasAndSomeHistory() throws Exception {
        server = new EmbeddedDatabase(folder.resolve("postgres"), freePort());
        server.start(Duration.ofSeconds(60));
        for (Database.ServiceRoles roles : List.of(PLAN, CATALOG)) {
            server.ensureServiceDatabase(roles);
            Flyway.configure().dataSource(server.jdbcUrl(roles.database()), roles.owner(), roles.ownerPassword())
                    .locations("filesystem:" + migrations(roles)).placeholders(Map.of("runtime_role", roles.runtime()))
                    .load().migrate();
        }
        // as plan-service writes them: the runtime role, the chain trigger computing each hash, a month partition
        try (Connection owner = connect(PLAN, PLAN.owner(), PLAN.ownerPassword()); Statement sql = owner.createStatement()) {
            // a record from months ago (the runtime role may not choose `at`): its month gets a partition of its own
            sql.execute(audit("north", "dr.ada", 0).replace("(clinic_id", "(at, clinic_id")
                    .replace("VALUES (", "VALUES (now() - interval '5 months', "));
        }
        try (Connection app = connect(PLAN, PLAN.runtime(), PLAN.runtimePassword()); Statement sql = app.createStatement()) {
            for (int i = 0; i < 5; i++) {
                sql.execute(audit("north", "dr.ada", i));
                sql.execute(audit("south", "dr.ben", i));
            }
            sql.execute("SELECT audit_partitions_ensure(1)");
            sql.execute(audit("north", "admin.nora", 9));
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void everyTableComesBackAsItWasAndTheAuditChainStillVerifies() throws Exception {
        Map<String, String> plan = digests(PLAN);
        Map<String, String> catalog = digests(CATALOG);
        List<String> partitions = partitions();
        Path file = folder.resolve("round-trip.zip");
        writeBackup(file);
        wipe();

        try (BackupArchive archive = BackupArchive.open(file)) {
            new DatabaseCopy(server, PLAN).load(archive.manifest().database("plan"), archive, migrations(PLAN));
            new DatabaseCopy(server, CATALOG).load(archive.manifest().database("catalog"), archive, migrations(CATALOG));
        }

        assertThat(digests(PLAN)).as("every plan table's rows").isEqualTo(plan).containsKeys("audit_event",
                "flyway_schema_history", "audit_anchor", "audit_chain_head", "audit_chain_split");
        assertThat(digests(CATALOG)).as("every catalog table's rows").isEqualTo(catalog);
        assertThat(partitions()).as("the audit log's partitions").isEqualTo(partitions).hasSizeGreaterThan(5);
        assertThat(brokenLinks()).as("records whose hash or link the chain refuses").isZero();
        // plan-service goes on: its runtime role writes the next record, chained to the restored ones
        try (Connection app = connect(PLAN, PLAN.runtime(), PLAN.runtimePassword()); Statement sql = app.createStatement()) {
            for (int i = 0; i < 5; i++) {
                sql.execute(audit("north", "dr.ada", i));
            }
        }
        assertThat(brokenLinks()).isZero();
        assertThat(single(PLAN, "SELECT count(DISTINCT audit_record_chain(id, patient_id)) > 1 FROM audit_event"
                + " WHERE clinic_id = 'north'")).as("the records restored and continued are on several chains").isEqualTo("t");
        assertThat(single(PLAN, "SELECT count(DISTINCT id) = count(*) FROM audit_event")).as("ids unique: sequence set")
                .isEqualTo("t");
    }

    @Test
    void aDamagedOrTruncatedFileIsRefusedNamingTheProblem() throws Exception {
        Path file = folder.resolve("whole.zip");
        writeBackup(file);
        byte[] whole = Files.readAllBytes(file);

        Path truncated = folder.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> BackupArchive.open(truncated)).isInstanceOf(BackupArchive.Refused.class)
                .hasMessageContaining("is not a complete Spinewise backup").hasMessageContaining("truncated or damaged");

        // one byte of a stored table changed: the zip is well-formed, its checksum is not
        Path damaged = folder.resolve("damaged.zip");
        try (BackupArchive.Writer writer = new BackupArchive.Writer(damaged)) {
            BackupManifest.Entry entry = writer.write("databases/plan/patient.copy", out -> out.write("x\t1\n".getBytes()));
            BackupManifest.DatabaseContent content = new BackupManifest.DatabaseContent("plan", "17",
                    List.of(new BackupManifest.Table("patient", 1, new BackupManifest.Entry(entry.name(),
                            entry.bytes(), entry.sha256().replace(entry.sha256().charAt(0), 'f')))), List.of(), List.of());
            writer.finish(new BackupManifest(1, "test", "now", false, List.of(content), List.of(), List.of(), "left out"));
        }
        assertThatThrownBy(() -> BackupArchive.open(damaged)).isInstanceOf(BackupArchive.Refused.class)
                .hasMessageContaining("databases/plan/patient.copy does not match its checksum in the manifest");

        assertThatThrownBy(() -> BackupArchive.open(folder.resolve("missing.zip")))
                .hasMessageContaining("does not exist");
    }

    private static void writeBackup(Path file) throws Exception {
        try (BackupArchive.Writer writer = new BackupArchive.Writer(file)) {
            writer.finish(new BackupManifest(BackupManifest.FORMAT, "test", "now", false,
                    List.of(new DatabaseCopy(server, PLAN).save(writer), new DatabaseCopy(server, CATALOG).save(writer)),
                    List.of(), List.of(), "left out"));
        }
    }

    private static void wipe() throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE plan WITH (FORCE)");
            sql.execute("DROP DATABASE catalog WITH (FORCE)");
        }
    }

    /** Each table's rows, as text sorted, hashed: equal digests are equal contents. */
    static Map<String, String> digests(Database.ServiceRoles roles) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = connect(roles, server.user(), server.password())) {
            List<String> tables = new ArrayList<>();
            try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
                    SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                    AND relkind IN ('r', 'p') AND NOT relispartition""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                        "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                                + " FROM \"" + table + "\" t")) {
                    row.next();
                    digests.put(table, row.getString(1));
                }
            }
        }
        return digests;
    }

    private static List<String> partitions() throws SQLException {
        return List.of(single(PLAN, """
                SELECT string_agg(c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid), ', ' ORDER BY c.relname)
                FROM pg_class c WHERE c.relispartition AND c.relkind = 'r'""").split(", "));
    }

    private static long brokenLinks() throws SQLException {
        return Long.parseLong(single(PLAN, """
                SELECT count(*) FROM (
                    SELECT a.hash = audit_event_hash(a) AS unchanged,
                           a.prev_hash IS NOT DISTINCT FROM lag(a.hash) OVER (
                               PARTITION BY a.clinic_id, audit_record_chain(a.id, a.patient_id) ORDER BY a.id) AS linked
                    FROM audit_event a) c
                WHERE NOT (unchanged AND linked)"""));
    }

    /** A read of patient {@code i}: its record on the chain of that patient's bucket (V23). */
    private static String audit(String clinic, String actor, int i) {
        return "INSERT INTO audit_event (clinic_id, actor, actor_role, action, outcome, status, target, patient_id)"
                + " VALUES ('" + clinic + "', '" + actor + "', 'chiropractor', 'PATIENT_READ', 'SUCCESS', 200,"
                + " '/api/patients/" + i + "', md5('patient " + i + "')::uuid)";
    }

    private static String single(Database.ServiceRoles roles, String query) throws SQLException {
        try (Connection connection = connect(roles, server.user(), server.password());
             Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Connection connect(Database.ServiceRoles roles, String user, String password) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(roles.database()), user, password);
    }

    private static Path migrations(Database.ServiceRoles roles) {
        return MIGRATIONS.resolve(roles.database() + "-service/src/main/resources/db/migration");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
