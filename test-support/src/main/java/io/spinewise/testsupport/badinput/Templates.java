package io.spinewise.testsupport.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in a case's placeholders: {@code ${name}} from the test's fixtures ({@code ${uuid}} is a
 * fresh random UUID each time), {@code {{repeat:N:text}}} as text repeated N times, so that a
 * 1 MB string is one short line in the data file; {@code {{hex:C3 28}}} in a body stands for
 * those raw bytes, which no Java string can hold (invalid UTF-8).
 */
final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):(.*?)}}");

    private static final Pattern HEX = Pattern.compile("\\{\\{hex:([0-9A-Fa-f ]+)}}");

    private Templates() {
    }

    static String expand(String text, Map<String, String> variables) {
        if (text == null) {
            return null;
        }
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder repeated = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(repeated, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(repeated);
        Matcher variable = VARIABLE.matcher(repeated);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.equals("uuid") ? UUID.randomUUID().toString() : variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("the corpus names ${" + name + "}, which the test does not define");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        variable.appendTail(out);
        return out.toString();
    }

    /** The text as UTF-8, with each {@code {{hex:..}}} written as the raw bytes it spells. */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher hex = HEX.matcher(text);
        int at = 0;
        while (hex.find()) {
            out.writeBytes(text.substring(at, hex.start()).getBytes(StandardCharsets.UTF_8));
            for (String b : hex.group(1).trim().split("\\s+")) {
                out.write(Integer.parseInt(b, 16));
            }
            at = hex.end();
        }
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
