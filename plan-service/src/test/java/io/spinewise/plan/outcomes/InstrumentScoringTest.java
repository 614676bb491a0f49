package io.spinewise.plan.outcomes;

import io.spinewise.common.problem.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each instrument's scoring rule and answer check, on answers scored by hand. */
class InstrumentScoringTest {

    private static ItemAnswer answer(String item, int value) {
        return new ItemAnswer(item, value, null);
    }

    private static ItemAnswer activity(int n, String name, int value) {
        return new ItemAnswer("activity-" + n, value, name);
    }

    private static List<ItemAnswer> numbered(int... values) {
        List<ItemAnswer> answers = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            answers.add(answer("item-" + (i + 1), values[i]));
        }
        return answers;
    }

    @Test
    void nprsScoresTheNumberChosen() {
        Nprs nprs = new Nprs();
        assertThat(nprs.check(List.of(answer("pain", 7)))).isEmpty();
        assertThat(nprs.score(List.of(answer("pain", 7)))).isEqualByComparingTo("7");
    }

    @Test
    void psfsScoresTheMeanOfTheRatingsToTwoDecimals() {
        Psfs psfs = new Psfs();
        // (3 + 4 + 6) / 3 = 4.333… → 4.33
        List<ItemAnswer> three = List.of(activity(1, "Lifting my son", 3), activity(2, "Gardening", 4),
                activity(3, "Driving", 6));
        assertThat(psfs.check(three)).isEmpty();
        assertThat(psfs.score(three)).isEqualByComparingTo("4.33");
        // (2 + 5) / 2 = 3.5
        assertThat(psfs.score(List.of(activity(1, "Running", 2), activity(2, "Sitting", 5))))
                .isEqualByComparingTo("3.50");
    }

    @Test
    void ndiScoresTheSumOfTenItems() {
        Ndi ndi = new Ndi();
        List<ItemAnswer> answers = numbered(2, 1, 3, 0, 2, 1, 4, 2, 3, 1); // 19 of 50 (38 %)
        assertThat(ndi.check(answers)).isEmpty();
        assertThat(ndi.score(answers)).isEqualByComparingTo("19");
    }

    @Test
    void odiIsTheSumOfTenSectionsDoubledAsAPercentage() {
        Odi odi = new Odi();
        List<ItemAnswer> answers = numbered(2, 1, 3, 0, 2, 1, 4, 2, 3, 1); // 19 of 50 = 38 %
        assertThat(odi.check(answers)).isEmpty();
        assertThat(odi.score(answers)).isEqualByComparingTo("38");
        assertThat(odi.definition().licence()).isEqualTo(Licence.LICENCE_REQUIRED);
        assertThat(odi.check(answers.subList(0, 9))).extracting(Problem.Violation::field)
                .containsExactly("answers.item-10");
    }

    @Test
    void rmdqCountsTheStatementsMarkedYes() {
        Rmdq rmdq = new Rmdq();
        int[] values = new int[24];
        values[0] = 1;
        values[4] = 1;
        values[9] = 1;
        values[23] = 1;
        List<ItemAnswer> answers = numbered(values);
        assertThat(rmdq.check(answers)).isEmpty();
        assertThat(rmdq.score(answers)).isEqualByComparingTo("4");
    }

    @Test
    void anAnswerOutsideItsOptionsAMissingItemAndAnUnknownItemAreNamed() {
        List<ItemAnswer> answers = new ArrayList<>(numbered(2, 1, 3, 0, 2, 1, 4, 2, 9));
        answers.add(answer("item-11", 1));
        assertThat(new Ndi().check(answers)).extracting(Problem.Violation::field)
                .containsExactlyInAnyOrder("answers.item-9", "answers.item-11", "answers.item-10");
        assertThat(new Nprs().check(List.of(answer("pain", 11)))).extracting(Problem.Violation::message)
                .containsExactly("must be one of 0..10");
        assertThat(new Nprs().check(List.of(answer("pain", 3), answer("pain", 4))))
                .extracting(Problem.Violation::message).containsExactly("is answered more than once");
    }

    @Test
    void psfsNeedsNamedActivitiesOneToFive() {
        Psfs psfs = new Psfs();
        assertThat(psfs.check(List.of())).extracting(Problem.Violation::field).containsExactly("answers");
        assertThat(psfs.check(List.of(activity(1, " ", 5)))).extracting(Problem.Violation::field)
                .containsExactly("answers.activity-1.activity");
        assertThat(psfs.check(List.of(activity(6, "Swimming", 5)))).extracting(Problem.Violation::field)
                .containsExactly("answers.activity-6");
        assertThat(psfs.check(List.of(activity(1, "Swimming", 11)))).extracting(Problem.Violation::message)
                .containsExactly("must be one of 0..10");
    }

    @Test
    void onlyInstrumentsWhoseTextsMayShipCarryTexts() {
        for (Instrument instrument : Instruments.all()) {
            Definition d = instrument.definition();
            boolean anyText = d.instructions() != null || d.items().stream().anyMatch(i -> i.text() != null);
            if (!d.licence().textsShipped()) {
                assertThat(anyText).as(d.code()).isFalse();
            }
            assertThat(d.licenceSource()).as(d.code()).isNotBlank();
            assertThat(d.mcidSource()).as(d.code()).isNotBlank();
        }
        assertThat(Instruments.all()).extracting(Instrument::code).containsExactly("NPRS", "PSFS", "NDI", "RMDQ", "ODI");
    }

    @Test
    void theChangeIsCalledByTheMcidInTheInstrumentsBetterDirection() {
        Definition nprs = new Nprs().definition(); // higher is worse, MCID 2
        assertThat(OutcomeChange.verdict(nprs, BigDecimal.valueOf(7), BigDecimal.valueOf(5), 2))
                .isEqualTo(OutcomeChange.Verdict.BETTER);
        assertThat(OutcomeChange.verdict(nprs, BigDecimal.valueOf(7), BigDecimal.valueOf(6), 3))
                .isEqualTo(OutcomeChange.Verdict.WITHIN_MCID);
        assertThat(OutcomeChange.verdict(nprs, BigDecimal.valueOf(3), BigDecimal.valueOf(5), 2))
                .isEqualTo(OutcomeChange.Verdict.WORSE);
        assertThat(OutcomeChange.verdict(nprs, BigDecimal.valueOf(3), BigDecimal.valueOf(3), 1))
                .isEqualTo(OutcomeChange.Verdict.ONE_SCORE);
        Definition psfs = new Psfs().definition(); // higher is better, MCID 2
        assertThat(OutcomeChange.verdict(psfs, new BigDecimal("3.33"), new BigDecimal("5.33"), 2))
                .isEqualTo(OutcomeChange.Verdict.BETTER);
        assertThat(OutcomeChange.words(psfs, OutcomeChange.Verdict.BETTER))
                .isEqualTo("Better by at least the minimal clinically important difference (2 points).");
    }
}
