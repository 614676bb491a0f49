package io.spinewise.web.client;

import io.spinewise.web.client.model.Problem;

import java.util.List;

/**
 * A service call that did not succeed: either the service could not be reached (down, timed
 * out, answered 5xx: {@link #unavailable()}), or it refused the request with a problem+json
 * answer whose words are shown on the page.
 */
public class ServiceException extends RuntimeException {

    private final Service service;
    private final int status;
    private final transient Problem problem;

    ServiceException(Service service, int status, Problem problem, String logMessage) {
        super(logMessage, null, false, false);
        this.service = service;
        this.status = status;
        this.problem = problem;
    }

    public Service service() {
        return service;
    }

    /** The service's HTTP status, or 0 when it did not answer at all. */
    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public boolean unavailable() {
        return status == 0 || status >= 500;
    }

    /** Over one of the caller's allowances (too many writes a minute, say): the same request works a little later. */
    public boolean tooManyRequests() {
        return status == 429;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** One sentence for the page: the service's own detail when it gave one, never an exception text. */
    public String readableMessage() {
        if (unavailable()) {
            return "We could not reach " + service.description() + " just now. Nothing was lost; please try again in a minute.";
        }
        if (problem != null && problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail();
        }
        if (problem != null && problem.title() != null && !problem.title().isBlank()) {
            return problem.title();
        }
        return switch (status) {
            case 403 -> "You are not allowed to do this.";
            case 404 -> "This was not found. It may have been removed.";
            case 409, 412 -> "Someone changed this in the meantime. Reload the page and try again.";
            default -> "The request could not be completed (" + status + ").";
        };
    }

    /** For validation problems: each field at fault and why. */
    public List<Problem.Violation> violations() {
        return problem == null ? List.of() : problem.violationsOrEmpty();
    }
}
