package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where an instrument's wording comes from for the caller's clinic (plan-service's {@code TextSource}). */
public enum TextSource implements Term {
    SHIPPED, CLINIC, NONE,
    /** A value the service added after this web-ui was built. */
    @JsonEnumDefaultValue
    OTHER
}
