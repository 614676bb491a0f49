package io.spinewise.plan.domain;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

/**
 * Days of week as a bit mask, bit {@code ISO day - 1} (Monday = 1, Sunday = 64): compact in
 * a row and cheap to test in SQL ({@code days_mask >> (isodow - 1) & 1}).
 */
public final class DaysOfWeek {

    public static final int EVERY_DAY = 127;

    private DaysOfWeek() {
    }

    public static int mask(Set<DayOfWeek> days) {
        int mask = 0;
        for (DayOfWeek day : days) {
            mask |= bit(day);
        }
        return mask;
    }

    public static Set<DayOfWeek> days(int mask) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if ((mask & bit(day)) != 0) {
                days.add(day);
            }
        }
        return days;
    }

    public static boolean includes(int mask, DayOfWeek day) {
        return (mask & bit(day)) != 0;
    }

    private static int bit(DayOfWeek day) {
        return 1 << (day.getValue() - 1);
    }
}
