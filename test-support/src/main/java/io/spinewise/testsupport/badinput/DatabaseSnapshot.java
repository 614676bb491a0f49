package io.spinewise.testsupport.badinput;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every table of a service's database as its row count and an md5 of its rows in order, read
 * over JDBC: two snapshots are equal exactly when no row was added, changed or removed.
 * An append-only table (the audit log, which records refused calls too) is compared on the rows
 * it had, which must be unchanged; the rows appended since are not compared.
 *
 * @param tables  each table's "n rows, md5 ..." (for an append-only table: of its rows up to {@code lastIds})
 * @param lastIds each append-only table's highest id when the snapshot was taken
 */
public record DatabaseSnapshot(Map<String, String> tables, Map<String, Long> lastIds) {

    /** A snapshot of every table; {@code appendOnly} tables have a numeric {@code id} that only grows. */
    public static DatabaseSnapshot of(DataSource database, Set<String> appendOnly) {
        Map<String, Long> lastIds = new TreeMap<>();
        for (String table : appendOnly) {
            lastIds.put(table, Long.parseLong(query(database, "SELECT coalesce(max(id), 0) FROM \"" + table + "\"").get(0)));
        }
        return new DatabaseSnapshot(read(database, lastIds), lastIds);
    }

    /** The tables now, the append-only ones read up to the rows they had in this snapshot. */
    public DatabaseSnapshot now(DataSource database) {
        return new DatabaseSnapshot(read(database, lastIds), of(database, lastIds.keySet()).lastIds);
    }

    /** The tables whose rows differ from {@code before}'s, each with both states. */
    public List<String> differencesFrom(DatabaseSnapshot before) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> table : before.tables.entrySet()) {
            String now = tables.get(table.getKey());
            if (!table.getValue().equals(now)) {
                differences.add(table.getKey() + ": " + table.getValue() + " before, " + now + " after");
            }
        }
        tables.keySet().stream().filter(t -> !before.tables.containsKey(t)).forEach(t -> differences.add(t + ": new table"));
        return differences;
    }

    private static Map<String, String> read(DataSource database, Map<String, Long> limits) {
        Map<String, String> tables = new TreeMap<>();
        for (String table : query(database, "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            String where = limits.containsKey(table) ? " WHERE id <= " + limits.get(table) : "";
            tables.put(table, query(database, "SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, chr(10)"
                    + " ORDER BY t::text), '')) FROM \"" + table + "\" t" + where).get(0));
        }
        return tables;
    }

    /** The single number {@code sql} selects. */
    public static long count(DataSource database, String sql) {
        return Long.parseLong(query(database, sql).get(0));
    }

    /** The first column of every row of {@code sql}. */
    static List<String> query(DataSource database, String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database: " + sql, e);
        }
        return values;
    }
}
