package io.spinewise.testsupport.upgrade;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Every table of a service database's schema {@code public} as text, through PostgreSQL's {@code COPY}: the
 * data a release's own code wrote, kept under a test's resources and loaded into that release's schema
 * (rebuilt by the Flyway migrations up to its version) by a migration test. Gzipped; per table a line
 * {@code table <name> <col>,<col>...}, the rows in COPY's text format, and a line {@code \.}.
 * Flyway's history is not dumped: the test's own migration to the release's version writes it.
 *
 * <p>To dump a running platform's database:
 * {@code java -cp <test-support classes>:<postgresql jar> io.spinewise.testsupport.upgrade.TableDump URL USER PASSWORD FILE}.
 */
public final class TableDump {

    private static final String END = "\\.";

    /** The tables whose rows are the data: partitioned tables as a whole, never their partitions. */
    static final String TABLES = """
            SELECT c.relname, string_agg(quote_ident(a.attname), ',' ORDER BY a.attnum) AS columns
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'flyway_schema_history'
            GROUP BY c.relname ORDER BY c.relname""";

    private TableDump() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length != 4) {
            System.err.println("usage: TableDump JDBC_URL USER PASSWORD FILE.gz");
            System.exit(2);
        }
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
             OutputStream out = Files.newOutputStream(Path.of(args[3]))) {
            c.setAutoCommit(false);
            // one snapshot for all tables
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            System.out.println("dumped " + dump(c, out) + " rows to " + args[3]);
            c.rollback();
        }
    }

    /** Writes every table's rows to {@code out} (gzipped); returns the number of rows. */
    public static long dump(Connection connection, OutputStream out) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8));
        for (String[] table : tables(connection)) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            rows += copy.copyOut("COPY (SELECT " + table[1] + " FROM " + table[0] + ") TO STDOUT", data);
            writer.write("table " + table[0] + " " + table[1] + "\n");
            writer.write(data.toString(StandardCharsets.UTF_8));
            writer.write(END + "\n");
        }
        writer.flush();
        gzip.finish();
        return rows;
    }

    /**
     * Loads a dump into the schema it was made from, in place of what the tables hold (the rows the
     * migrations seed, such as the shipped exercise library, came with the dump), with triggers off
     * ({@code session_replication_role = replica}: the rows go in as they were, hash chains and rollup marks
     * included), then moves every sequence past the ids loaded. {@code superuser} must be a superuser connection.
     */
    public static long load(Connection superuser, InputStream in) throws SQLException, IOException {
        CopyManager copy = superuser.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        try (Statement s = superuser.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.execute("TRUNCATE " + String.join(", ", tables(superuser).stream().map(t -> t[0]).toList()));
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
        String header;
        while ((header = reader.readLine()) != null) {
            String[] parts = header.split(" ", 3);
            if (parts.length != 3 || !parts[0].equals("table")) {
                throw new IOException("not a table header: " + header);
            }
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); !END.equals(line); line = reader.readLine()) {
                if (line == null) {
                    throw new IOException("the rows of " + parts[1] + " end without " + END);
                }
                data.append(line).append('\n');
            }
            // names from the dump's own header, checked against the catalog by COPY itself
            rows += copy.copyIn("COPY " + parts[1] + " (" + parts[2] + ") FROM STDIN", new StringReader(data.toString()));
        }
        try (Statement s = superuser.createStatement()) {
            s.execute("SET session_replication_role = origin");
        }
        restartSequences(superuser);
        return rows;
    }

    /** Each sequence that feeds a column starts after the column's largest value, as after the release's own writes. */
    static void restartSequences(Connection connection) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT format('SELECT setval(%L, coalesce((SELECT max(%I) FROM %I), 0) + 1, false)',
                              pg_get_serial_sequence(quote_ident(c.table_name), c.column_name), c.column_name, c.table_name)
                FROM information_schema.columns c
                JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
                WHERE c.table_schema = 'public' AND NOT t.relispartition
                  AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL""")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Each table's name and its columns (quoted, comma-separated), in name order. */
    static List<String[]> tables(Connection connection) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(new String[] {rs.getString("relname"), rs.getString("columns")});
            }
        }
        return tables;
    }
}
