package io.spinewise.plan.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When an assigned questionnaire is due: on the start date, then every {@code everyWeeks} weeks (null: once).
 * A questionnaire stays due until it is answered or the next one is due; an occasion that passed without an
 * answer is missed.
 *
 * @param stoppedOn the patient's date on which the assignment was stopped (nothing is due from then on), or null
 */
public record Cadence(LocalDate start, Integer everyWeeks, LocalDate stoppedOn) {

    /** At most this many occasions are listed (one a week for ten years), so no loop runs away. */
    static final int MAX_OCCASIONS = 520;

    /** The due dates up to and including {@code today}, oldest first (none before the start or from the stop). */
    public List<LocalDate> occasions(LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = stoppedOn == null || stoppedOn.isAfter(today) ? today : stoppedOn.minusDays(1);
        for (LocalDate d = start; !d.isAfter(last) && dates.size() < MAX_OCCASIONS;
             d = everyWeeks == null ? LocalDate.MAX : d.plusWeeks(everyWeeks)) {
            dates.add(d);
            if (everyWeeks == null) {
                break;
            }
        }
        return dates;
    }

    /** The occasion that is due today, if any: the latest one up to today, unless answered or stopped. */
    public LocalDate current(LocalDate today, Set<LocalDate> answered) {
        if (stoppedOn != null && !stoppedOn.isAfter(today)) {
            return null;
        }
        List<LocalDate> dates = occasions(today);
        if (dates.isEmpty()) {
            return null;
        }
        LocalDate latest = dates.get(dates.size() - 1);
        return answered.contains(latest) ? null : latest;
    }

    /** The occasions that passed unanswered: every one before the latest, and the latest once stopped. */
    public List<LocalDate> missed(LocalDate today, Set<LocalDate> answered) {
        List<LocalDate> dates = occasions(today);
        boolean stopped = stoppedOn != null && !stoppedOn.isAfter(today);
        List<LocalDate> passed = stopped ? dates : dates.subList(0, Math.max(0, dates.size() - 1));
        return passed.stream().filter(d -> !answered.contains(d)).toList();
    }

    /** The next due date after today, or null (once, or stopped). */
    public LocalDate next(LocalDate today) {
        if (everyWeeks == null || stoppedOn != null) {
            return start.isAfter(today) && stoppedOn == null ? start : null;
        }
        LocalDate d = start;
        while (!d.isAfter(today)) {
            d = d.plusWeeks(everyWeeks);
        }
        return d;
    }
}
