package io.spinewise.common.problem;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Recognises a unique-index refusal that reached the REST layer: every write checks for a duplicate
 * before it inserts, so one that gets here lost a race with another request writing the same thing
 * at the same moment. The caller gets a 409 (reload and try again), not a 500.
 */
final class ConcurrentDuplicate {

    /** PostgreSQL's unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private ConcurrentDuplicate() {
    }

    /** Whether {@code failure}, or anything in its chain of causes, is a unique-index refusal. */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
