package io.spinewise.plan.domain;

/** How a reminder reaches a patient: an e-mail, or a Web Push notification on a subscribed device. */
public enum ReminderChannel {
    EMAIL, PUSH
}
