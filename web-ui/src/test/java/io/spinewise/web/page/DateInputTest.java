package io.spinewise.web.page;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a typed date: year-month-day only, since the other orders mean different days in different countries. */
class DateInputTest {

    private static final LocalDate FALLBACK = LocalDate.of(2026, 1, 1);

    @Test
    void isoDatesAndSingleDigitsInTheSameOrderAreRead() {
        assertThat(DateInput.read("2026-11-23", FALLBACK).value()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(DateInput.read(" 2026-11-3 ", FALLBACK).value()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(DateInput.read(" 2026-11-3 ", FALLBACK).field()).isEqualTo("2026-11-03");
    }

    @Test
    void nothingTypedIsTheFallback() {
        assertThat(DateInput.read(null, FALLBACK).value()).isEqualTo(FALLBACK);
        assertThat(DateInput.read("  ", FALLBACK).valid()).isTrue();
        assertThat(DateInput.read("", null).value()).isNull();
    }

    @Test
    void otherOrdersAndDaysThatDoNotExistAreRefusedAndKeptAsTyped() {
        for (String typed : new String[] {"23/11/2026", "11/23/2026", "23.11.2026", "2026-02-30", "26-11-23", "soon"}) {
            DateInput input = DateInput.read(typed, FALLBACK);
            assertThat(input.valid()).as(typed).isFalse();
            assertThat(input.value()).as(typed).isNull();
            assertThat(input.field()).isEqualTo(typed);
            assertThat(input.error()).isEqualTo("“" + typed + "” is not a date we can read. Type it as YYYY-MM-DD,"
                    + " for example 2026-11-23.");
        }
    }
}
