package io.spinewise.plan.report;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;
import io.spinewise.plan.config.PlanConfig;
import io.spinewise.plan.data.NamedSql;
import io.spinewise.plan.data.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The statement timeout of a report's transaction: PostgreSQL cancels a report query still running
 * after {@code spinewise.plan.report.statement-timeout}, which frees its connection, and the caller
 * gets a 503 problem saying so instead of a request held open.
 */
@ApplicationScoped
public class ReportTimeout {

    /** SQLSTATE query_canceled: what a statement timeout raises. */
    static final String QUERY_CANCELED = "57014";

    private static final NamedSql SET_TIMEOUT = new NamedSql("SELECT set_config('statement_timeout', :timeout, true)");

    @Inject
    PlanConfig config;

    /** Sets the timeout for the rest of the transaction on {@code connection} (autocommit off). */
    public void apply(Connection connection) throws SQLException {
        try (PreparedStatement s = SET_TIMEOUT.prepare(connection,
                SqlValues.of("timeout", config.report().statementTimeout().toMillis() + "ms"))) {
            s.executeQuery().close();
        }
    }

    /** Whether {@code failure}, or a cause of it, is a report query cancelled by the timeout. */
    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The answer to a report stopped by the timeout. */
    public ProblemException problem() {
        return new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE, "The report ran longer than "
                + words(config.report().statementTimeout()) + " and was stopped. Ask for a shorter range,"
                + " or try again when the clinic is quieter.");
    }

    private static String words(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }
}
