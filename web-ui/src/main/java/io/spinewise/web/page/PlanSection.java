package io.spinewise.web.page;

import io.spinewise.web.client.model.Today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One plan on the Today page: its exercise cards, the sessions already done today (with undo),
 * and the form for the next open session with what the patient entered so far.
 *
 * @param openSlot       the next session to check off, or null when today's are all done / none is due
 * @param idempotencyKey sent back with the form, so a double submit is recorded once
 * @param message        a confirmation ("Session saved") or a service's refusal, shown above the form
 */
public record PlanSection(UUID planId, String title, LocalDate date, boolean scheduledToday, int sessionsPerDay,
                          List<Today.Session> doneSessions, Integer openSlot, String idempotencyKey,
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

    public static final List<Integer> PAIN_SCALE = IntStream.rangeClosed(0, 10).boxed().toList();
    public static final List<Integer> DIFFICULTY_SCALE = IntStream.rangeClosed(1, 5).boxed().toList();

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

    /** "Session 2 of 2" (or just "Today's session"). */
    public String slotText() {
        if (openSlot == null || sessionsPerDay <= 1) {
            return "Today's session";
        }
        return "Session " + openSlot + " of " + sessionsPerDay;
    }

    public String difficultyWord(int level) {
        return switch (level) {
            case 1 -> "Very easy";
            case 2 -> "Easy";
            case 3 -> "OK";
            case 4 -> "Hard";
            default -> "Very hard";
        };
    }
}
