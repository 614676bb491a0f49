package io.spinewise.common.problem;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A 429 problem carries the Retry-After its thrower computed, at least one second. */
class TooManyRequestsTest {

    @Test
    void aTooManyRequestsProblemIs429WithItsOwnRetryAfter() {
        Response answer = new ProblemMappers().problem(ProblemException.tooManyRequests("Too many writes.", 36));

        assertThat(answer.getStatus()).isEqualTo(429);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("36");
        Problem problem = (Problem) answer.getEntity();
        assertThat(problem.type()).isEqualTo("urn:spinewise:problem:too-many-requests");
        assertThat(problem.title()).isEqualTo("Too many requests");
        assertThat(problem.detail()).isEqualTo("Too many writes.");
    }

    @Test
    void aRetryAfterBelowOneSecondIsSentAsOne() {
        assertThat(new ProblemMappers().problem(ProblemException.tooManyRequests("Soon.", 0))
                .getHeaderString("Retry-After")).isEqualTo("1");
    }

    @Test
    void otherProblemsThan503KeepNoRetryAfter() {
        assertThat(new ProblemMappers().problem(ProblemException.conflict("Taken."))
                .getHeaderString("Retry-After")).isNull();
    }
}
