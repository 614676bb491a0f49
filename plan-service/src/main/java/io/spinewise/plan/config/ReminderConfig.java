package io.spinewise.plan.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/** Reminders ({@code spinewise.reminders.*}): the default for clinics that set none, and the mail's parts. */
@ConfigMapping(prefix = "spinewise.reminders")
public interface ReminderConfig {

    /** Whether e-mail reminders go out for clinics that set no default (off: a clinic opts its patients in). */
    @WithDefault("false")
    boolean defaultEmail();

    /** The local time of day of the first reminder for clinics that set no default. */
    @WithDefault("18:00")
    LocalTime defaultRemindAt();

    /** web-ui's public base URL, for the mail's link to Today and its unsubscribe link (no trailing slash). */
    @WithDefault("http://localhost:8080")
    String webUiUrl();

    /** The mail's sender address. */
    @WithDefault("Spinewise <reminders@spinewise.invalid>")
    String from();

    /** The domain part of the mails' Message-IDs ({@code <reminder-ID@domain>}). */
    @WithDefault("reminders.spinewise.invalid")
    String messageIdDomain();

    /** How long after a failed send it is tried again, at most {@link #maxAttempts} times in all. */
    @WithDefault("5m")
    Duration retryAfter();

    /** Sends of one reminder before it is marked FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /** Whether this replica plans and sends (the scheduled jobs); tests turn it off and call the jobs directly. */
    @WithDefault("true")
    boolean jobs();
}
