package io.spinewise.testsupport.upgrade;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What every table of a database holds, as a row count and an md5 over its rows, so that a migration
 * test can say "the same rows in every table" without keeping them: the digest of a table before an
 * upgrade is compared with the digest of the same columns after it (a migration may add columns, never
 * change what the old ones hold). Rows are digested in a fixed order of their own digests, so the order
 * on disk (a table rewritten, rows moved into partitions) does not matter.
 */
public final class TableDigests {

    /** A table's columns (quoted, comma-separated) and what its rows were. */
    public record TableDigest(String table, String columns, long rows, String md5) {

        @Override
        public String toString() {
            return table + ": " + rows + " rows, md5 " + md5;
        }
    }

    private TableDigests() {
    }

    /** Every table of schema {@code public} but Flyway's history, partitioned tables as a whole. */
    public static List<TableDigest> of(Connection connection) throws SQLException {
        List<TableDigest> digests = new ArrayList<>();
        for (String[] table : TableDump.tables(connection)) {
            digests.add(of(connection, table[0], table[1], "true"));
        }
        return digests;
    }

    /** The digest of {@code columns} of the rows of {@code table} that {@code where} keeps. */
    public static TableDigest of(Connection connection, String table, String columns, String where) throws SQLException {
        // names from the catalog (TableDump.tables) or from a digest taken that way, never input
        String sql = "SELECT count(*), coalesce(md5(string_agg(r, '' ORDER BY r)), '-') FROM (SELECT md5(ROW("
                + columns + ")::text) AS r FROM " + table + " WHERE " + where + ") AS rows";
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new TableDigest(table, columns, rs.getLong(1), rs.getString(2));
        }
    }
}
