package io.spinewise.web.page;

/**
 * A request parameter a page cannot use (an edited or stale link), with one sentence for the
 * user; {@link ErrorPages} answers it as a 400 page, or as a message for htmx.
 */
public class UnreadableInput extends RuntimeException {

    public UnreadableInput(String readableMessage) {
        super(readableMessage, null, false, false);
    }
}
