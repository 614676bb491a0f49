package io.spinewise.plan.domain;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reminder settings in force for a patient (their own, else their clinic's default): channels, the local
 * time of the day's first reminder, and quiet hours {@code [quietFrom, quietUntil)}, which may cross midnight.
 */
public record ReminderSettings(Set<ReminderChannel> channels, LocalTime remindAt, LocalTime quietFrom,
                               LocalTime quietUntil) {

    public ReminderSettings {
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    /** Whether {@code time} falls in the quiet hours (start included, end excluded); never without them. */
    public boolean isQuiet(LocalTime time) {
        if (quietFrom == null || quietUntil == null || quietFrom.equals(quietUntil)) {
            return false;
        }
        if (quietFrom.isBefore(quietUntil)) {
            return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        }
        return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** The channels of two flags, in a fixed order. */
    public static Set<ReminderChannel> channels(boolean email, boolean push) {
        Set<ReminderChannel> set = EnumSet.noneOf(ReminderChannel.class);
        if (email) {
            set.add(ReminderChannel.EMAIL);
        }
        if (push) {
            set.add(ReminderChannel.PUSH);
        }
        return set;
    }
}
