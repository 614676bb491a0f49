package io.spinewise.common.input;

import java.util.Optional;

/**
 * Which characters no text a Spinewise service accepts may hold, in a body, a path or a query:
 * controls (NUL breaks PostgreSQL's text, escapes reach terminals and logs), lone surrogates
 * (not encodable in UTF-8: stored as '?'), the bidirectional overrides and isolates that make a
 * name read differently from what it holds ("Trojan Source"), and invisible characters that make
 * two different names look the same (zero-width space, word joiner, byte-order mark).
 * Tab, line feed and carriage return are allowed in bodies (notes have lines); zero-width
 * joiners are allowed (emoji and several scripts need them), as are all letters, marks and
 * emoji, composed or decomposed.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is refused ("contains a control character (U+0000)"), or empty when it is fine. */
    public static Optional<String> refusal(String text, boolean linesAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return Optional.of("contains a lone surrogate (" + codePoint(c) + "), which is not a character");
            }
            if (Character.getType(c) == Character.CONTROL && !(linesAllowed && (c == '\t' || c == '\n' || c == '\r'))) {
                return Optional.of("contains a control character (" + codePoint(c) + ")");
            }
            if (isInvisibleFormatting(c)) {
                return Optional.of("contains an invisible formatting character (" + codePoint(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static boolean isInvisibleFormatting(char c) {
        return c >= '\u202A' && c <= '\u202E'    // bidirectional embeddings and overrides
                || c >= '\u2066' && c <= '\u2069' // bidirectional isolates
                || c == '\u200B'                  // zero-width space
                || c == '\u2060'                  // word joiner
                || c == '\uFEFF'                  // byte-order mark, zero-width no-break space
                || c == '\uFFFE' || c == '\uFFFF'; // noncharacters
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
