package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What an exercise does (catalog-service's {@code Category}). */
public enum Category implements Term {
    SOFT_TISSUE_RELEASE, MOBILITY, EXTENSION, STRETCH, STRENGTH, POSTURE,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
