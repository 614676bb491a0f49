package io.spinewise.plan.report;

import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.data.AdherenceDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The clinic's adherence, one row per patient per day, streamed from the database to the
 * client through PostgreSQL's COPY protocol inside a read-only transaction: the server writes
 * the CSV (RFC 4180 quoting, header row) and the rows pass through a fixed buffer, so memory
 * stays constant whatever the range, and the rate stays close to {@code psql \copy}'s. The
 * transaction has the reports' statement timeout ({@link ReportTimeout}).
 */
@ApplicationScoped
public class AdherenceCsv {

    /** The header row PostgreSQL writes (the query's column names). */
    public static final String HEADER = "patient_id,patient_name,date,scheduled,completed";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AdherenceDays days;

    @Inject
    ReportTimeout timeout;

    /**
     * Writes the report to {@code output} and returns the number of patient-day rows (the
     * header not counted). The caller streams it as the response body.
     */
    public long write(OutputStream output, String clinicId, String chiropractor, LocalDate from, LocalDate to,
                      Instant now) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                timeout.apply(c);
                OutputStream buffered = new BufferedOutputStream(output, 1 << 16);
                long rows = days.copyCsv(c, buffered, now, clinicId, chiropractor, from, to);
                buffered.flush();
                return rows;
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw new IOException("adherence report failed", e);
        }
    }
}
