package io.spinewise.web.today;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collection;

/**
 * The answer to a check-off sent from the phone's outbox (app.js, {@code outbox.js}): no page, a verdict
 * in the header {@value #HEADER} and the reason in plain words. Only this endpoint writes the header, so an
 * answer without it (an ended session's 499, a refused CSRF token, a proxy's error) is never taken for
 * plan-service's own refusal: the outbox keeps the check-off until it can be sent.
 */
final class OutboxAnswer {

    /** Sent by the outbox with its posts, and answered with {@link #SENT}, {@link #REFUSED} or {@link #LATER}. */
    static final String HEADER = "Spinewise-Outbox";
    /** Recorded (or replayed): the outbox drops the entry. */
    static final String SENT = "sent";
    /** Refused for good (the form or plan-service said why): the outbox drops the entry and shows the reason. */
    static final String REFUSED = "refused";
    /** Not now (plan-service unavailable, too many requests): the outbox keeps the entry and tries again. */
    static final String LATER = "later";

    private OutboxAnswer() {
    }

    static boolean asked(HttpHeaders headers) {
        return headers.getHeaderString(HEADER) != null;
    }

    static Response sent() {
        return Response.noContent().header(HEADER, SENT).build();
    }

    static Response refused(int status, Collection<String> reasons) {
        return words(status, REFUSED, String.join(" ", reasons));
    }

    static Response refusedOrLater(int status, boolean later, String reason) {
        return words(status, later ? LATER : REFUSED, reason);
    }

    private static Response words(int status, String verdict, String reason) {
        return Response.status(status).header(HEADER, verdict)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(reason).build();
    }
}
