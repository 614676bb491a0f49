package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A library entry's state (catalog-service's {@code Status}): drafts are the clinic's own until published. */
public enum LibraryStatus implements Term {
    DRAFT, PUBLISHED, ARCHIVED,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
