package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whose a library entry is: the shared library's, or the signed-in user's clinic's own. */
public enum Owner implements Term {
    @JsonProperty("library")
    LIBRARY,
    @JsonProperty("clinic")
    CLINIC,
    /** A value catalog-service added after this web-ui was built. */
    @JsonEnumDefaultValue
    OTHER
}
