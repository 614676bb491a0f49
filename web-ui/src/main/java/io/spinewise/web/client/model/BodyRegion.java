package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The body region an exercise works on (catalog-service's {@code BodyRegion}). */
public enum BodyRegion implements Term {
    THORACIC, CERVICAL, LUMBAR, SHOULDER, HIP, FULL_BODY,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
