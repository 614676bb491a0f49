package io.spinewise.web.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How a reminder reaches a patient (plan-service's {@code ReminderChannel}): e-mail, and Web Push where plan-service
 * has VAPID keys.
 */
public enum ReminderChannel implements Term {
    EMAIL, PUSH,
    /** A value the service added after this web-ui was built: shown as "Other", never sent back. */
    @JsonEnumDefaultValue
    OTHER
}
