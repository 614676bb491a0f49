package io.spinewise.e2e;

import io.spinewise.launcher.Database;
import io.spinewise.launcher.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a platform's data folder holds, as digests to compare before and after: every table of both
 * service databases (its row count and an MD5 of its rows as text, sorted), and every file of a folder
 * (the media store's objects, Keycloak's store). Read with the platform stopped, the embedded
 * PostgreSQL started for the reading only, or through the running one.
 */
final class TableDigests {

    private TableDigests() {
    }

    /** "plan.patient" → "12 <md5>", for every table of both databases, the server started for it and stopped after. */
    static Map<String, String> ofStoppedPlatform(Path data) throws Exception {
        Database database = Platform.databaseFor(data);
        database.start(Duration.ofMinutes(2));
        try {
            return of(database);
        } finally {
            database.stop();
        }
    }

    /** The same, from the server as it runs now. */
    static Map<String, String> of(Database database) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        for (String name : List.of("catalog", "plan")) {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(name), database.user(),
                    database.password())) {
                for (String table : tables(connection)) {
                    try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                            "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                                    + " FROM \"" + table + "\" t")) {
                        row.next();
                        digests.put(name + "." + table, row.getString(1));
                    }
                }
            }
        }
        return digests;
    }

    /** Every regular file below {@code folder} by its relative path, with its SHA-256; empty when there is no folder. */
    static Map<String, String> ofFiles(Path folder) {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return digests;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                digests.put(folder.relativize(file).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("""
                SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace
                AND relkind IN ('r', 'p') AND NOT relispartition ORDER BY relname""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
