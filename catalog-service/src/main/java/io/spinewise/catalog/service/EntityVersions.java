package io.spinewise.catalog.service;

import io.spinewise.common.problem.ProblemException;
import io.spinewise.common.problem.ProblemType;

/** Optimistic concurrency for clients: a write names the version it read (its ETag). */
final class EntityVersions {

    private EntityVersions() {
    }

    static void require(int expected, int actual) {
        if (expected != actual) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "This entry changed since you read it (you sent version " + expected + ", it is now at "
                            + actual + "); reload it and apply your change again.");
        }
    }
}
