package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What became of one planned reminder (plan-service's {@code ReminderStatus}). */
public enum ReminderStatus implements Term {
    PENDING, SENT, SKIPPED, FAILED,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
