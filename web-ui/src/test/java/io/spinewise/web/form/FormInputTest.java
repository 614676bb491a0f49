package io.spinewise.web.form;

import io.spinewise.web.client.model.Range;
import io.spinewise.web.client.model.Side;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The form reader: every typed accessor, with what it makes of hostile and missing values. */
class FormInputTest {

    private static FormInput form(Map<String, List<String>> sent) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        sent.forEach(values::put);
        return FormInput.of(values);
    }

    @Test
    void textIsStrippedAndAbsentIsEmpty() {
        FormInput f = form(Map.of("name", List.of("  Cat stretch \n"), "rows", List.of("a", " b ")));
        assertThat(f.text("name")).isEqualTo("Cat stretch");
        assertThat(f.text("missing")).isEmpty();
        assertThat(f.optional("missing")).isNull();
        assertThat(f.text("rows", 1)).isEqualTo("b");
        assertThat(f.text("rows", 5)).isEmpty();
        assertThat(f.valid()).isTrue();
    }

    @Test
    void numbersOutOfRangeOrNotNumbersAreReportedByFieldAndReadAsNull() {
        FormInput f = form(Map.of("sets", List.of("21"), "reps", List.of("ten"), "hold", List.of(" 30 "),
                "blank", List.of("")));
        assertThat(f.number("sets", 1, 20)).isNull();
        assertThat(f.number("reps", 1, 1000)).isNull();
        assertThat(f.number("hold", 1, 3600)).isEqualTo(30);
        assertThat(f.number("blank", 1, 5)).isNull();
        assertThat(f.number("huge", "99999999999999", 0, 10, "Too big.")).isNull();
        assertThat(f.errors()).containsOnlyKeys("sets", "reps", "huge")
                .containsEntry("sets", "Use a whole number from 1 to 20.");
        assertThat(f.valid()).isFalse();
    }

    @Test
    void aRangeIsBothEndsOrOneAndNeverUpsideDown() {
        FormInput f = form(Map.of());
        assertThat(f.range("hold", "30", "60", "bad")).isEqualTo(new Range(30, 60));
        assertThat(f.range("hold", "30", "", "bad")).isEqualTo(new Range(30, 30));
        assertThat(f.range("hold", "", "", "bad")).isNull();
        assertThat(f.valid()).isTrue();
        assertThat(f.range("reps", "12", "8", "Min must not be above max.")).isNull();
        assertThat(f.range("sets", "-1", "3", "Whole numbers only.")).isNull();
        assertThat(f.errors()).containsEntry("reps", "Min must not be above max.")
                .containsEntry("sets", "Whole numbers only.");
    }

    @Test
    void datesIdsChoicesAndTickedBoxes() {
        FormInput f = form(Map.of("start", List.of("2026-02-30"), "end", List.of("2026-03-01"),
                "planId", List.of("not-an-id"), "side", List.of("LEFT"), "evil", List.of("OTHER"),
                "days", List.of("MONDAY", "FUNDAY", " FRIDAY")));
        assertThat(f.date("start")).isNull();
        assertThat(f.date("end")).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(f.errors()).containsOnlyKeys("start");
        assertThat(f.uuid("planId")).isNull();
        assertThat(f.choice("side", Side.class, Side.BOTH)).isEqualTo(Side.LEFT);
        // the stand-in for values added later is never taken from a form
        assertThat(f.choice("evil", Side.class, Side.BOTH)).isEqualTo(Side.BOTH);
        assertThat(f.ticked("days", DayOfWeek.class)).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void aSecondComplaintAboutAFieldIsAddedOnce() {
        FormInput f = form(Map.of());
        f.error("items", "Add at least one exercise.");
        f.error("items", "Add at least one exercise.");
        f.error("items", "A note can have at most 280 characters.");
        assertThat(f.errors()).containsExactly(
                Map.entry("items", "Add at least one exercise.; A note can have at most 280 characters."));
    }

    @Test
    void textAreaLinesWithoutBlanks() {
        FormInput f = form(Map.of("steps", List.of("Sit tall.\n\n  Breathe out.  \r\n")));
        assertThat(f.lines("steps")).containsExactly("Sit tall.", "Breathe out.");
    }
}
