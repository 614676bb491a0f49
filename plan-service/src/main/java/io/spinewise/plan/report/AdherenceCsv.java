package io.spinewise.plan.report;

import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.service.AdherenceQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The clinic's adherence, one row per patient per day, streamed from the database to the
 * client: a read-only transaction with a server-side cursor (autocommit off + fetch size), so
 * memory stays constant whatever the range. Columns are written as PostgreSQL returns them
 * as text (no per-value object conversion).
 */
@ApplicationScoped
public class AdherenceCsv {

    public static final String HEADER = "patient_id,patient_name,date,scheduled,completed\r\n";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceQueries queries;

    @Inject
    PlanConfig config;

    public StreamingOutput stream(String clinicId, LocalDate from, LocalDate to, Instant now) {
        return output -> {
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                c.setReadOnly(true);
                try (PreparedStatement s = queries.daily(c, now, clinicId, null, from, to)) {
                    s.setFetchSize(config.report().fetchSize());
                    Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
                    out.write(HEADER);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            out.write(rs.getString(1));
                            out.write(',');
                            quote(out, rs.getString(2));
                            out.write(',');
                            out.write(rs.getString(3));
                            out.write(',');
                            out.write(rs.getString(4));
                            out.write(',');
                            out.write(rs.getString(5));
                            out.write("\r\n");
                        }
                    }
                    out.flush();
                } finally {
                    c.rollback();
                    c.setReadOnly(false);
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IOException("adherence report failed", e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static void quote(Writer out, String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean needs = false;
        for (int i = 0; i < value.length() && !needs; i++) {
            char ch = value.charAt(i);
            needs = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
        }
        if (!needs) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
