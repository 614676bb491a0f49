package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What a clinic's media file is (catalog-service's {@code MediaKind}). */
public enum MediaKind implements Term {
    IMAGE, VIDEO,
    /** A kind the service added after this web-ui was built: not shown. */
    @JsonEnumDefaultValue
    OTHER
}
