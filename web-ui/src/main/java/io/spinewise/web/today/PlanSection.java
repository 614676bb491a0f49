package io.spinewise.web.today;

import io.spinewise.web.client.model.Today;
import io.spinewise.web.page.ExerciseCard;
import io.spinewise.web.page.ExerciseCards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One plan on the Today page: its exercise cards, the sessions already done today (with undo),
 * and the form for the next open session with what the patient entered so far.
 *
 * @param timeZone       the patient's IANA zone: a check-off kept offline is dated in it (offline.js)
 * @param openSlot       the next session to check off, or null when today's are all done / none is due
 * @param idempotencyKey sent back with the form, so a double submit is recorded once
 * @param message        a confirmation ("Session saved") or a service's refusal, shown above the form
 */
public record PlanSection(UUID planId, String title, LocalDate date, String timeZone, boolean scheduledToday,
                          int sessionsPerDay, List<Today.Session> doneSessions, Integer openSlot, String idempotencyKey,
                          List<ExerciseCard> cards, Entered entered, Map<String, String> errors, String message,
                          boolean messageIsError) {

    /** What the patient entered, kept when the form comes back with a problem. */
    public record Entered(Set<String> ticked, Integer painBefore, Integer painAfter, Integer difficulty, String note) {

        static Entered nothing() {
            return new Entered(Set.of(), null, null, null, "");
        }

        public boolean isTicked(String slug) {
            return ticked.contains(slug);
        }
    }

    private static final List<Integer> PAIN_SCALE = IntStream.rangeClosed(0, 10).boxed().toList();
    private static final List<Integer> DIFFICULTY_SCALE = IntStream.rangeClosed(1, 5).boxed().toList();

    /**
     * A plan's section of the page, as {@code today} has it.
     *
     * @param keepKey the idempotency key of a form sent back (a refused check-off keeps its key), or null for a new one
     */
    static PlanSection of(Today today, Today.PlanToday p, ExerciseCards.Details details, Entered entered,
                          Map<String, String> errors, String message, boolean isError, String keepKey) {
        List<Today.Session> done = new ArrayList<>();
        Integer open = null;
        for (Today.Session s : p.sessionsOrEmpty()) {
            if (s.done()) {
                done.add(s);
            } else if (open == null) {
                open = s.slot();
            }
        }
        List<ExerciseCard> cards = details.cards("p" + p.planId().toString().substring(0, 8) + "-", p.itemsOrEmpty());
        String key = open == null ? null : keepKey != null ? keepKey : UUID.randomUUID().toString();
        return new PlanSection(p.planId(), p.title(), today.date(), today.timeZone(), p.scheduledToday(), p.sessionsPerDay(), done,
                p.scheduledToday() ? open : null, key, cards, entered, errors, message, isError);
    }

    public List<Integer> painScale() {
        return PAIN_SCALE;
    }

    public List<Integer> difficultyScale() {
        return DIFFICULTY_SCALE;
    }

    public boolean allDone() {
        return scheduledToday && openSlot == null;
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** One session a day (or none open): the page says "Today's session" rather than "Session 1 of 1". */
    public boolean singleSession() {
        return openSlot == null || sessionsPerDay <= 1;
    }
}
