package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The sides a library dose names (catalog-service's {@code Sides}): both at once or each in
 * turn. A prescription may narrow it to one side ({@link Side}).
 */
public enum Sides implements Term {
    BOTH,
    EACH_SIDE,
    /** A value catalog-service added after this web-ui was built. */
    @JsonEnumDefaultValue
    OTHER;

    /** The prescription's side that starts from this library dose. */
    public Side prescribed() {
        return this == EACH_SIDE ? Side.EACH_SIDE : Side.BOTH;
    }
}
