package io.spinewise.common.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are an unreachable database (503, retry) and which are bugs (500). */
class DatabaseUnavailableTest {

    @Test
    void anUnreachableDatabaseIsA503ProblemWithRetryAfterAndABugA500() {
        Response outage = new ProblemMappers().unexpected(
                new IllegalStateException("check-off failed", new SQLException("Connection refused", "08001")));
        Response bug = new ProblemMappers().unexpected(new IllegalStateException("bug"));

        assertThat(outage.getStatus()).isEqualTo(503);
        assertThat(outage.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(outage.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) outage.getEntity()).type()).isEqualTo(ProblemType.DEPENDENCY_UNAVAILABLE.uri());
        assertThat(((Problem) outage.getEntity()).detail()).doesNotContain("SQLException", "Connection refused");
        assertThat(bug.getStatus()).isEqualTo(500);
        assertThat(bug.getHeaderString("Retry-After")).isNull();
    }

    @Test
    void everyServiceUnavailableProblemTellsWhenToRetry() {
        Response catalogDown = new ProblemMappers().problem(new ProblemException(ProblemType.DEPENDENCY_UNAVAILABLE,
                "The exercise catalog is not reachable right now."));

        assertThat(catalogDown.getStatus()).isEqualTo(503);
        assertThat(catalogDown.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(
                new IllegalStateException("check-off failed", new SQLException("wrapped", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLTransientConnectionException(
                "Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsAreNot() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug", new NullPointerException())))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("no state"))).isFalse();
    }
}
