package io.spinewise.common.input;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The text, date, id and percent-encoding rules, without a server. */
class InputRulesTest {

    @Test
    void plainTextRefusesControlsLoneSurrogatesAndInvisibleFormatting() {
        assertThat(PlainText.refusal("a\u0000b", true)).hasValue("contains a control character (U+0000)");
        assertThat(PlainText.refusal("a\ud800b", true)).get().asString().contains("lone surrogate (U+D800)");
        assertThat(PlainText.refusal("abc\u202edef", true)).get().asString().contains("U+202E");
        assertThat(PlainText.refusal("a\u200bb", true)).isPresent();
        assertThat(PlainText.refusal("line one\nline two\ttab", false)).isPresent();
    }

    @Test
    void plainTextKeepsLettersEmojiJoinersAndLines() {
        assertThat(PlainText.refusal("Zoë Æsir 🦴 👩‍⚕️ cafe\u0301 שלום", false)).isEmpty();
        assertThat(PlainText.refusal("line one\nline two\ttab", true)).isEmpty();
    }

    @Test
    void datesHaveOneSpellingWithinTheCentury() {
        assertThat(PlausibleValues.date("2026-11-23")).hasValue(LocalDate.of(2026, 11, 23));
        assertThat(PlausibleValues.date("2026-02-30")).isEmpty();
        assertThat(PlausibleValues.date("0000-01-01")).isEmpty();
        assertThat(PlausibleValues.date("+10000-01-01")).isEmpty();
        assertThat(PlausibleValues.date("2026-03-01T00:00Z")).isEmpty();
        assertThat(PlausibleValues.date("2026-03-01\u0000")).isEmpty();
    }

    @Test
    void uuidsAreCanonical() {
        assertThat(PlausibleValues.uuid("00000001-0001-0001-0001-000000000001")).isPresent();
        assertThat(PlausibleValues.uuid("1-1-1-1-1")).isEmpty();
    }

    @Test
    void percentEncodingMustSpellUtf8() {
        assertThat(RequestLineGuard.decode("a%20b+c", true)).hasValue("a b c");
        assertThat(RequestLineGuard.decode("a%zzb", true)).isEmpty();
        assertThat(RequestLineGuard.decode("a%E2%80", true)).isEmpty();
        assertThat(RequestLineGuard.decode("a%ED%A0%80b", false)).isEmpty();
        assertThat(RequestLineGuard.decode("a%C0%AFb", false)).isEmpty();
    }
}
