package io.spinewise.common.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped, restarting,
 * failing over, or every pooled connection busy), as opposed to a bug: the caller should retry, so
 * it gets a 503 with {@code Retry-After}, not a 500.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure}, or anything in its chain of causes, says the database is unreachable. */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null) {
            // 08: connection exception; 57P01-03: the server shut down, crashed, or is still starting
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        // Agroal's own: no connection could be had within the acquisition timeout
        String message = e.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
