package io.spinewise.e2e.oracle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The adherence rule worked out from its definition (docs: "Adherence, defined once") for one
 * history, sharing nothing with plan-service:
 * <ul>
 *   <li>a plan asks for {@code sessionsPerDay} sessions on a day when the version in force that day
 *       (effective from..until) has the day between its start and end and among its weekdays, and
 *       the plan is not paused that day;</li>
 *   <li>a session is done when a check-off for that plan is dated that day and not undone; a
 *       check-off counts on the day it is for (not the day it was recorded), and the sessions of a
 *       day are interchangeable: slot numbers only tell them apart, extras above
 *       {@code sessionsPerDay} count for nothing;</li>
 *   <li>a window runs up to the patient's today; percentage = completed / scheduled, to one decimal,
 *       halves up; none when nothing was scheduled;</li>
 *   <li>streak = complete scheduled days counted back from the last one that has passed; a complete
 *       today counts as well, an unfinished today neither counts nor breaks (the day is not over).</li>
 * </ul>
 */
public final class AdherenceDefinition {

    /** The figures of one day, all plans of the patient together. */
    public record Day(LocalDate date, int scheduled, int completed) {

        boolean scheduledDay() {
            return scheduled > 0;
        }

        boolean complete() {
            return scheduled > 0 && completed >= scheduled;
        }
    }

    /** Sums over a window. */
    public record Totals(long scheduled, long completed, Double percentage) {
    }

    /**
     * The dashboard's streak, counted back at most {@code horizon} days: {@code full} is the streak
     * over the whole history, {@code inHorizon} the part of it inside the horizon, and
     * {@code missInHorizon} whether the day that ended it lies inside the horizon (then the
     * dashboard can know the streak exactly).
     */
    public record HorizonStreak(int full, int inHorizon, boolean missInHorizon) {
    }

    private final History history;
    private final Map<UUID, Map<LocalDate, Integer>> live;
    private final LocalDate firstPossible;

    public AdherenceDefinition(History history) {
        this.history = history;
        this.live = history.liveCounts();
        this.firstPossible = history.plans().stream().flatMap(p -> p.versions().stream())
                .map(v -> v.start().isAfter(v.effectiveFrom()) ? v.start() : v.effectiveFrom())
                .min(LocalDate::compareTo).orElse(null);
    }

    public Day day(LocalDate date) {
        int scheduled = 0;
        int completed = 0;
        for (History.Plan plan : history.plans()) {
            int asked = asked(plan, date);
            if (asked > 0) {
                int done = live.getOrDefault(plan.id(), Map.of()).getOrDefault(date, 0);
                scheduled += asked;
                completed += Math.min(done, asked);
            }
        }
        return new Day(date, scheduled, completed);
    }

    /** The sessions one plan asks for on a day (0 when none). */
    static int asked(History.Plan plan, LocalDate date) {
        History.Version v = plan.inForce(date);
        if (v == null || date.isBefore(v.start()) || v.end() != null && date.isAfter(v.end())
                || !v.days().contains(date.getDayOfWeek()) || plan.pausedOn(date)) {
            return 0;
        }
        return v.sessionsPerDay();
    }

    /** One entry per date from {@code from} through the earlier of {@code to} and {@code today}. */
    public List<Day> days(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate last = to.isBefore(today) ? to : today;
        List<Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(day(d));
        }
        return days;
    }

    public Totals totals(LocalDate from, LocalDate to, LocalDate today) {
        long scheduled = 0;
        long completed = 0;
        for (Day d : days(from, to, today)) {
            scheduled += d.scheduled();
            completed += d.completed();
        }
        return new Totals(scheduled, completed, percentage(completed, scheduled));
    }

    /** Everything up to today, from the first day any version could schedule. */
    public Totals totalsToDate(LocalDate today) {
        return firstPossible == null ? new Totals(0, 0, null) : totals(firstPossible, today, today);
    }

    /** The first day with a session scheduled, up to today; null when there is none yet. */
    public LocalDate firstScheduledDay(LocalDate today) {
        if (firstPossible == null) {
            return null;
        }
        for (LocalDate d = firstPossible; !d.isAfter(today); d = d.plusDays(1)) {
            if (day(d).scheduledDay()) {
                return d;
            }
        }
        return null;
    }

    /** {@code 100 × completed / scheduled} to one decimal, halves up, in whole numbers only. */
    public static Double percentage(long completed, long scheduled) {
        if (scheduled == 0) {
            return null;
        }
        long tenths = (2000 * completed + scheduled) / (2 * scheduled);
        return tenths / 10.0;
    }

    /** The current streak inside {@code [from, min(to, today)]}. */
    public int currentStreak(LocalDate from, LocalDate to, LocalDate today) {
        List<Day> days = countable(days(from, to, today), today);
        int streak = 0;
        for (int i = days.size() - 1; i >= 0 && days.get(i).complete(); i--) {
            streak++;
        }
        return streak;
    }

    /** The longest run of complete scheduled days inside {@code [from, min(to, today)]}. */
    public int longestStreak(LocalDate from, LocalDate to, LocalDate today) {
        int longest = 0;
        int run = 0;
        for (Day d : countable(days(from, to, today), today)) {
            run = d.complete() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    public HorizonStreak horizonStreak(LocalDate today, int horizon) {
        if (firstPossible == null) {
            return new HorizonStreak(0, 0, false);
        }
        LocalDate horizonStart = today.minusDays(horizon - 1L);
        List<Day> days = countable(days(firstPossible, today, today), today);
        int full = 0;
        int inHorizon = 0;
        boolean missInHorizon = false;
        for (int i = days.size() - 1; i >= 0; i--) {
            Day d = days.get(i);
            if (!d.complete()) {
                missInHorizon = !d.date().isBefore(horizonStart);
                break;
            }
            full++;
            if (!d.date().isBefore(horizonStart)) {
                inHorizon++;
            }
        }
        return new HorizonStreak(full, inHorizon, missInHorizon);
    }

    /** The last day with a live check-off, up to today (any plan, scheduled or not). */
    public LocalDate lastSession(LocalDate today) {
        return history.checkOffs().stream().filter(History.CheckOff::live).map(History.CheckOff::date)
                .filter(d -> !d.isAfter(today)).max(LocalDate::compareTo).orElse(null);
    }

    /** Scheduled days only, without an unfinished today. */
    private static List<Day> countable(List<Day> days, LocalDate today) {
        return days.stream().filter(Day::scheduledDay).filter(d -> !(d.date().equals(today) && !d.complete())).toList();
    }
}
