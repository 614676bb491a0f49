package io.spinewise.plan.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link NamedSql} statements on the pool's connection: inside a JTA transaction that is the
 * transaction's own connection (the one Hibernate uses), outside one an autocommit connection.
 * For this package only: the services reach the database through its classes.
 */
@ApplicationScoped
class Database {

    /** Reads one row by column names. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Inject
    AgroalDataSource dataSource;

    <T> List<T> list(NamedSql sql, SqlValues values, Row<T> row) {
        try (Connection c = dataSource.getConnection()) {
            return list(c, sql, values, row);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The first row; {@code row} must not read it as null. */
    <T> Optional<T> first(NamedSql sql, SqlValues values, Row<T> row) {
        return list(sql, values, row).stream().findFirst();
    }

    int update(NamedSql sql, SqlValues values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = sql.prepare(c, values)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** For statements whose failures the caller tells apart (SQLSTATE) or that run several on one connection. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    static <T> List<T> list(Connection c, NamedSql sql, SqlValues values, Row<T> row) throws SQLException {
        try (PreparedStatement s = sql.prepare(c, values); ResultSet rs = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /** A nullable integer column. */
    static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
