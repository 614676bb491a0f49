package io.spinewise.plan.outcomes;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Due, missed and next occasions of a cadence across weeks. */
class CadenceTest {

    private static final LocalDate START = LocalDate.of(2026, 10, 5); // a Monday

    @Test
    void aQuestionnaireStaysDueUntilTheNextOneIsDueThenItIsMissed() {
        Cadence every2 = new Cadence(START, 2, null);
        assertThat(every2.current(START.minusDays(1), Set.of())).isNull();
        assertThat(every2.next(START.minusDays(1))).isEqualTo(START);
        assertThat(every2.current(START, Set.of())).isEqualTo(START);
        assertThat(every2.current(START.plusDays(13), Set.of())).isEqualTo(START);
        assertThat(every2.missed(START.plusDays(13), Set.of())).isEmpty();
        // two weeks on: the next is due and the first, unanswered, is missed
        assertThat(every2.current(START.plusWeeks(2), Set.of())).isEqualTo(START.plusWeeks(2));
        assertThat(every2.missed(START.plusWeeks(2), Set.of())).containsExactly(START);
        assertThat(every2.next(START.plusWeeks(2))).isEqualTo(START.plusWeeks(4));
    }

    @Test
    void anAnsweredOccasionIsNeitherDueNorMissed() {
        Cadence weekly = new Cadence(START, 1, null);
        LocalDate today = START.plusWeeks(3).plusDays(2);
        Set<LocalDate> answered = Set.of(START, START.plusWeeks(2), START.plusWeeks(3));
        assertThat(weekly.current(today, answered)).isNull();
        assertThat(weekly.missed(today, answered)).containsExactly(START.plusWeeks(1));
        assertThat(weekly.occasions(today)).hasSize(4);
    }

    @Test
    void onceIsDueUntilAnsweredAndNeverAgain() {
        Cadence once = new Cadence(START, null, null);
        assertThat(once.current(START.plusWeeks(10), Set.of())).isEqualTo(START);
        assertThat(once.missed(START.plusWeeks(10), Set.of())).isEmpty();
        assertThat(once.current(START.plusWeeks(10), Set.of(START))).isNull();
        assertThat(once.next(START.plusWeeks(10))).isNull();
    }

    @Test
    void aStoppedAssignmentIsDueNoMoreAndItsOpenOccasionIsMissed() {
        Cadence stopped = new Cadence(START, 1, START.plusWeeks(1).plusDays(3));
        LocalDate today = START.plusWeeks(4);
        assertThat(stopped.current(today, Set.of(START))).isNull();
        assertThat(stopped.missed(today, Set.of(START))).containsExactly(START.plusWeeks(1));
        assertThat(stopped.next(today)).isNull();
    }
}
