package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a reminder reaches a patient (plan-service's {@code ReminderChannel}); only e-mail is sent so far. */
public enum ReminderChannel implements Term {
    EMAIL, PUSH,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
