package io.spinewise.plan.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The scheduled sessions of a window as calendar slots, by {@link AdherenceRule}'s schedule rule: a plan
 * version's days and sessions per day, minus the days its plan was paused; a completed plan's last version
 * ends the day before completion, so its later days have none.
 *
 * <p>Times (the patient's local time): the day's first session starts at the patient's chosen time; each
 * later one {@link #GAP} after the previous, squeezed evenly so that the last one starts by
 * {@link #LATEST_START} (so a day's sessions stay on that day; from 23:00 on they share the chosen time).
 * Each lasts {@link #LENGTH}.
 */
public final class SessionCalendar {

    /** Between two sessions of a day, when the day has room for it. */
    public static final Duration GAP = Duration.ofHours(3);
    /** The latest start of a day's last session, unless the first one is already later. */
    public static final LocalTime LATEST_START = LocalTime.of(23, 0);
    /** A session's length in the calendar. */
    public static final Duration LENGTH = Duration.ofMinutes(20);

    private SessionCalendar() {
    }

    /** One session in the calendar: plan, the patient's local date, slot (1-based), start and end. */
    public record Slot(UUID planId, LocalDate date, int slot, LocalDateTime start, LocalDateTime end) {
    }

    /** The sessions of {@code from..to} (inclusive), by date, then plan in the given order, then slot. */
    public static List<Slot> slots(List<AdherenceRule.Schedule> schedules, List<AdherenceRule.Pause> pauses,
                                   LocalDate from, LocalDate to, LocalTime firstStart) {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (AdherenceRule.Schedule s : schedules) {
                if (!s.covers(day) || paused(pauses, s.planId(), day)) {
                    continue;
                }
                for (int slot = 1; slot <= s.sessionsPerDay(); slot++) {
                    LocalDateTime start = day.atTime(firstStart).plus(offset(firstStart, s.sessionsPerDay(), slot));
                    slots.add(new Slot(s.planId(), day, slot, start, start.plus(LENGTH)));
                }
            }
        }
        return slots;
    }

    /**
     * The local start of a day's session {@code slot} of {@code sessions} when the first starts at
     * {@code firstStart} (also when a reminder of that slot is due); never past the day's end.
     */
    public static LocalTime start(LocalTime firstStart, int sessions, int slot) {
        return LocalDate.EPOCH.atTime(firstStart).plus(offset(firstStart, sessions, slot)).toLocalTime();
    }

    private static Duration offset(LocalTime firstStart, int sessions, int slot) {
        return gap(firstStart, sessions).multipliedBy(slot - 1L);
    }

    /** {@link #GAP}, or less when the day's last session would otherwise start after {@link #LATEST_START}. */
    static Duration gap(LocalTime firstStart, int sessions) {
        if (sessions <= 1 || !firstStart.isBefore(LATEST_START)) {
            return sessions <= 1 ? GAP : Duration.ZERO;
        }
        Duration room = Duration.between(firstStart, LATEST_START).dividedBy(sessions - 1L);
        return room.compareTo(GAP) < 0 ? room.truncatedTo(ChronoUnit.MINUTES) : GAP;
    }

    private static boolean paused(List<AdherenceRule.Pause> pauses, UUID planId, LocalDate day) {
        for (AdherenceRule.Pause p : pauses) {
            if (p.planId().equals(planId) && p.covers(day)) {
                return true;
            }
        }
        return false;
    }
}
