package io.spinewise.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A text value of a JSON body that {@link PlainText} refuses; the field's path is added as Jackson unwinds. */
public class RefusedTextException extends MismatchedInputException {

    private final String reason;

    RefusedTextException(JsonParser parser, String reason, Class<?> target) {
        super(parser, reason, target);
        this.reason = reason;
    }

    /** e.g. "contains a control character (U+0000)" */
    public String reason() {
        return reason;
    }
}
