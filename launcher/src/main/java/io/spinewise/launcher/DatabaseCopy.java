package io.spinewise.launcher;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One service database into a backup and back, over JDBC only (the embedded PostgreSQL has no
 * {@code pg_dump}). Saved in one {@code REPEATABLE READ, READ ONLY} transaction, so every table is read
 * from the same snapshot while the services keep writing; each table streamed with {@code COPY ... TO
 * STDOUT}. Loaded into a database created afresh with the service's roles and the schema built by the
 * service's own migrations up to the backup's version, then every table filled in one transaction with
 * triggers off ({@code session_replication_role = replica}: the audit chain's hashes and the adherence
 * rollup are restored as they were, not computed again) and its row count checked.
 */
final class DatabaseCopy {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
    private static final Pattern RANGE_START = Pattern.compile("FROM \\('([^']+)'\\)");

    private final Database server;
    private final Database.ServiceRoles roles;

    DatabaseCopy(Database server, Database.ServiceRoles roles) {
        this.server = server;
        this.roles = roles;
    }

    /** Writes every table of the database into the backup, from one snapshot. */
    BackupManifest.DatabaseContent save(BackupArchive.Writer writer) throws Exception {
        try (Connection connection = superuser()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String version = flywayVersion(connection);
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (Map.Entry<String, Boolean> table : tables(connection).entrySet()) {
                String name = table.getKey();
                // a partitioned table is copied through a query, with all its partitions' rows
                String source = table.getValue() ? "(SELECT * FROM " + quote(name) + ")" : quote(name);
                long[] rows = {0};
                BackupManifest.Entry entry = writer.write("databases/" + roles.database() + "/" + name + ".copy",
                        out -> rows[0] = copy.copyOut("COPY " + source + " TO STDOUT", out));
                tables.add(new BackupManifest.Table(name, rows[0], entry));
            }
            BackupManifest.DatabaseContent content = new BackupManifest.DatabaseContent(roles.database(), version,
                    tables, partitions(connection), sequences(connection));
            connection.commit();
            return content;
        }
    }

    /**
     * The newest migration this checkout has for the service; a backup from a newer schema is refused,
     * since these migrations cannot build it.
     */
    static MigrationVersion newestMigration(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                    .max(MigrationVersion::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no migrations in " + migrations));
        }
    }

    /** Drops the database, creates it again with its roles and schema, and loads the backup's rows. */
    void load(BackupManifest.DatabaseContent content, BackupArchive archive, Path migrations) throws Exception {
        recreate();
        Flyway.configure()
                .dataSource(server.jdbcUrl(roles.database()), roles.owner(), roles.ownerPassword())
                .locations("filesystem:" + migrations)
                .placeholders(Map.of("runtime_role", roles.runtime()))
                .target(MigrationVersion.fromVersion(content.flywayVersion()))
                .load()
                .migrate();
        createPartitions(content.partitions());
        try (Connection connection = superuser()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                // what the migrations seeded (the exercise library, Flyway's own history) is replaced by the backup's rows
                statement.execute("TRUNCATE " + content.tables().stream().map(t -> quote(t.name()))
                        .collect(Collectors.joining(", ")));
            }
            for (BackupManifest.Table table : content.tables()) {
                try (InputStream in = archive.read(table.entry())) {
                    copy.copyIn("COPY " + quote(table.name()) + " FROM STDIN", in);
                }
                long rows = count(connection, table.name());
                if (rows != table.rows()) {
                    throw new IllegalStateException(roles.database() + "." + table.name() + " has " + rows
                            + " rows after the restore; the backup holds " + table.rows());
                }
            }
            try (PreparedStatement setval = connection.prepareStatement("SELECT setval(quote_ident(?)::regclass, ?, ?)")) {
                for (BackupManifest.SequenceValue sequence : content.sequences()) {
                    setval.setString(1, sequence.name());
                    setval.setLong(2, sequence.lastValue());
                    setval.setBoolean(3, sequence.isCalled());
                    setval.execute();
                }
            }
            connection.commit();
        }
    }

    private void recreate() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            // our own database names, never user input; FORCE ends any session left on it
            statement.execute("DROP DATABASE IF EXISTS " + quote(roles.database()) + " WITH (FORCE)");
        }
        server.ensureServiceDatabase(roles);
    }

    /**
     * The partitions the backup had, created before the rows are loaded. The audit log's months are made
     * by the schema's own {@code audit_partition_create} (it adds the TRUNCATE guard a partition does not
     * inherit), as its owner, as plan-service makes them.
     */
    private void createPartitions(List<BackupManifest.Partition> partitions) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(roles.database()), roles.owner(),
                roles.ownerPassword())) {
            for (BackupManifest.Partition partition : partitions) {
                if (exists(connection, partition.name())) {
                    continue;
                }
                Matcher start = RANGE_START.matcher(partition.bound());
                if (partition.parent().equals("audit_event") && start.find()) {
                    try (PreparedStatement create = connection.prepareStatement(
                            "SELECT audit_partition_create((?::timestamptz AT TIME ZONE 'UTC')::date)")) {
                        create.setString(1, start.group(1));
                        create.execute();
                    }
                } else {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE " + quote(partition.name()) + " PARTITION OF "
                                + quote(partition.parent()) + " " + partition.bound());
                    }
                }
                if (!exists(connection, partition.name())) {
                    throw new IllegalStateException("partition " + partition.name() + " could not be created again");
                }
            }
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(roles.database()), server.user(), server.password());
    }

    private static String flywayVersion(Connection connection) throws SQLException {
        return Optional.ofNullable(single(connection, """
                        SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                        ORDER BY installed_rank DESC LIMIT 1"""))
                .orElseThrow(() -> new IllegalStateException("no migration has run on this database"));
    }

    /** Tables of schema public that hold rows, by name; true for a partitioned one. Partitions go with their parent. */
    private static Map<String, Boolean> tables(Connection connection) throws SQLException {
        Map<String, Boolean> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT relname, relkind = 'p' FROM pg_class
                     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
                     ORDER BY relname""")) {
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getBoolean(2));
            }
        }
        return tables;
    }

    private static List<BackupManifest.Partition> partitions(Connection connection) throws SQLException {
        List<BackupManifest.Partition> partitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT c.relname, p.relname, pg_get_expr(c.relpartbound, c.oid)
                     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                     WHERE c.relispartition AND c.relnamespace = 'public'::regnamespace
                     ORDER BY c.relname""")) {
            while (rows.next()) {
                partitions.add(new BackupManifest.Partition(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return partitions;
    }

    private static List<BackupManifest.SequenceValue> sequences(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'
                     ORDER BY relname""")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        List<BackupManifest.SequenceValue> values = new ArrayList<>();
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT last_value, is_called FROM " + quote(name))) {
                row.next();
                values.add(new BackupManifest.SequenceValue(name, row.getLong(1), row.getBoolean(2)));
            }
        }
        return values;
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Long.parseLong(single(connection, "SELECT count(*) FROM " + quote(table)));
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(quote_ident(?)) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
