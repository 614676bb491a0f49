package io.spinewise.plan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The adherence rule of docs/architecture.md, once, without a database: what the adherence API serves.
 * The SQL of the dashboard and the CSV report computes the same in the database; the end-to-end
 * oracle ({@code e2e-tests/.../AdherenceOracleIT}) holds all of them to the definition.
 *
 * <p>All dates are the patient's own local dates; {@code today} is the patient's today, so time
 * zones and daylight-saving changes only matter when the caller turns an instant into
 * {@code today} ({@link #today}). For a window {@code [from, to]} cut at {@code today}:
 * <pre>
 *   scheduled(p, d) = sessionsPerDay(v)  if the plan version v of plan p in force on d covers d
 *                                          (start ≤ d ≤ end, effectiveFrom ≤ d ≤ effectiveUntil),
 *                                          d's weekday is one of v's daysOfWeek and p is not paused on d
 *                     0                  otherwise
 *   completed(p, d) = min(check-offs of p dated d that are not undone, scheduled(p, d))
 *   scheduled       = Σ over days d and plans p of scheduled(p, d)
 *   completed       = Σ over days d and plans p of completed(p, d)
 *   percentage      = round(100 × completed / scheduled, 1); none when nothing was scheduled
 * </pre>
 * Extra sessions therefore never push a day over 100 %, and check-offs on days without a
 * schedule count for nothing.
 *
 * <p>Streaks count <em>scheduled days</em> (days with scheduled &gt; 0, all plans of the patient
 * together) on which every scheduled session was completed. The current streak runs back
 * from the last scheduled day that has passed; today joins it once today is complete, and an
 * unfinished today neither extends nor breaks it (the day is not over). Days without a
 * schedule (rest days, paused days) neither extend nor break a streak. The longest streak is
 * the longest such run inside the window. Both are counted inside the window only.
 */
public final class AdherenceRule {

    private AdherenceRule() {
    }

    /**
     * The part of one plan version's schedule: days {@code from..until} (inclusive, until null =
     * open), which weekdays and how many sessions a day.
     */
    public record Schedule(UUID planId, LocalDate from, LocalDate until, int daysMask, int sessionsPerDay) {

        /** The window of a plan version: its start/end cut to the days it was in force. */
        public static Schedule of(PlanVersion v) {
            LocalDate from = max(v.startDate, v.effectiveFrom);
            LocalDate until = min(v.endDate, v.effectiveUntil);
            return new Schedule(v.planId, from, until, v.daysMask, v.sessionsPerDay);
        }

        /** Whether the version schedules sessions on {@code day} (pauses aside). */
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until))
                    && DaysOfWeek.includes(daysMask, day.getDayOfWeek());
        }
    }

    /** Days on which a plan was on hold, inclusive; until null = still paused. */
    public record Pause(UUID planId, LocalDate from, LocalDate until) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (until == null || !day.isAfter(until));
        }
    }

    /** How many (not undone) check-offs a plan has on a day. */
    public record CheckOffCount(UUID planId, LocalDate date, int count) {
    }

    /** One day of a patient (or plan): sessions scheduled and completed (capped). */
    public record Day(LocalDate date, int scheduled, int completed) {

        public boolean isScheduled() {
            return scheduled > 0;
        }

        public boolean isComplete() {
            return scheduled > 0 && completed >= scheduled;
        }
    }

    /** The figures of a window. */
    public record Result(LocalDate from, LocalDate to, long scheduled, long completed, Double percentage,
                         int currentStreak, int longestStreak, List<Day> days) {
    }

    /** The patient's today at an instant: the local date in the patient's zone. */
    public static LocalDate today(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }

    /**
     * One entry per date from {@code from} through {@code min(to, today)}, all plans summed.
     * Empty when the window starts after today.
     */
    public static List<Day> days(List<Schedule> schedules, List<Pause> pauses, List<CheckOffCount> checkOffs,
                                 LocalDate from, LocalDate to, LocalDate today) {
        LocalDate last = min(to, today);
        Map<UUID, Map<LocalDate, Integer>> counts = new HashMap<>();
        for (CheckOffCount c : checkOffs) {
            counts.computeIfAbsent(c.planId(), k -> new HashMap<>()).merge(c.date(), c.count(), Integer::sum);
        }
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(last); day = day.plusDays(1)) {
            int scheduled = 0;
            int completed = 0;
            for (Schedule s : schedules) {
                if (!s.covers(day) || paused(pauses, s.planId(), day)) {
                    continue;
                }
                int done = counts.getOrDefault(s.planId(), Map.of()).getOrDefault(day, 0);
                scheduled += s.sessionsPerDay();
                completed += Math.min(done, s.sessionsPerDay());
            }
            days.add(new Day(day, scheduled, completed));
        }
        return days;
    }

    /** The figures over {@code [from, min(to, today)]}. */
    public static Result evaluate(List<Schedule> schedules, List<Pause> pauses, List<CheckOffCount> checkOffs,
                                  LocalDate from, LocalDate to, LocalDate today) {
        List<Day> days = days(schedules, pauses, checkOffs, from, to, today);
        long scheduled = 0;
        long completed = 0;
        for (Day d : days) {
            scheduled += d.scheduled();
            completed += d.completed();
        }
        return new Result(from, min(to, today), scheduled, completed, percentage(completed, scheduled),
                currentStreak(days, today), longestStreak(days, today), days);
    }

    /** {@code round(100 × completed / scheduled, 1)}, half up; null when nothing was scheduled. */
    public static Double percentage(long completed, long scheduled) {
        if (scheduled == 0) {
            return null;
        }
        return BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(scheduled), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Complete scheduled days back from the last one that has passed (today only once complete). */
    public static int currentStreak(List<Day> days, LocalDate today) {
        int streak = 0;
        for (int i = days.size() - 1; i >= 0; i--) {
            Day d = days.get(i);
            if (!d.isScheduled() || d.date().equals(today) && !d.isComplete()) {
                continue;
            }
            if (!d.isComplete()) {
                break;
            }
            streak++;
        }
        return streak;
    }

    /** The longest run of complete scheduled days (an unfinished today does not break it). */
    public static int longestStreak(List<Day> days, LocalDate today) {
        int longest = 0;
        int run = 0;
        for (Day d : days) {
            if (!d.isScheduled() || d.date().equals(today) && !d.isComplete()) {
                continue;
            }
            run = d.isComplete() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    private static boolean paused(List<Pause> pauses, UUID planId, LocalDate day) {
        for (Pause p : pauses) {
            if (p.planId().equals(planId) && p.covers(day)) {
                return true;
            }
        }
        return false;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier of two dates, where null means "open" (no bound). */
    static LocalDate min(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
