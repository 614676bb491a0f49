package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A prescription's state (plan-service's {@code PlanStatus}). */
public enum PlanStatus implements Term {
    ACTIVE, PAUSED, COMPLETED,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
