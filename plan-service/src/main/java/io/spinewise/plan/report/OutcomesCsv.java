package io.spinewise.plan.report;

import io.agroal.api.AgroalDataSource;
import io.spinewise.plan.data.OutcomeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The clinic's questionnaire scores ({@link OutcomeRows}), streamed like the adherence CSV: COPY'd by the server
 * inside a read-only transaction with the reports' statement timeout, through a fixed buffer.
 */
@ApplicationScoped
public class OutcomesCsv {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutcomeRows rows;

    @Inject
    ReportTimeout timeout;

    /** Writes the report to {@code output}; the number of rows (the header not counted). */
    public long write(OutputStream output, String clinicId, LocalDate from, LocalDate to) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                timeout.apply(c);
                OutputStream buffered = new BufferedOutputStream(output, 1 << 16);
                long count = rows.copyCsv(c, buffered, clinicId, from, to);
                buffered.flush();
                return count;
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (ReportTimeout.causedBy(e)) {
                throw timeout.problem();
            }
            throw new IOException("outcomes report failed", e);
        }
    }
}
