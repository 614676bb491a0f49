package io.spinewise.common.problem;

import java.util.List;

/** Thrown by services to end a request with a given problem; mapped as it is. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail));
    }

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    /** The seconds to send as {@code Retry-After}; null for the default (a 503's, or none). */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A 429: the caller went over a limit; {@code retryAfterSeconds} (at least 1) says when to try again. */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail),
                (int) Math.max(1, Math.min(retryAfterSeconds, Integer.MAX_VALUE)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message,
                List.of(new Problem.Violation(field, message))));
    }
}
