package io.spinewise.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The values a schema says are wrong, by what is wrong with them ("below its minimum" → "-1"),
 * in the order the committed corpus lists them: raw text for a query parameter, JSON text for a
 * body field. A query and a body share the wrong values their parsers refuse alike (overflowing
 * numbers, bounds, impossible dates, malformed UUIDs); the rest differs on purpose, a query's
 * text being percent-encoded and a body's JSON.
 */
final class WrongValues {

    /** Text a free string field must refuse whatever its pattern: invisible, reordering or unencodable characters. */
    private static final Map<String, String> HOSTILE_TEXT = BodyText.orderedMap(
            "NUL", "a\\u0000b",
            "control character (BEL)", "a\\u0007b",
            "terminal escape", "\\u001b[31mred",
            "lone high surrogate", "a\\ud800b",
            "lone low surrogate", "a\\udfffb",
            "RTL override", "abc\\u202edef",
            "zero-width space", "a\\u200bb",
            "byte-order mark", "\\ufeffabc");
    /** Text a patterned field refuses when its pattern does not match it. */
    private static final Map<String, String> PATTERN_CANDIDATES = BodyText.orderedMap(
            "blank", "\"   \"",
            "emoji", "\"🦴\"",
            "NFD (decomposed accent)", "\"cafe\\u0301\"",
            "spaces and capitals", "\"Not A Slug!\"",
            "markup", "\"<b>x</b>\"");
    private static final UnaryOperator<String> RAW = text -> text;
    private static final UnaryOperator<String> QUOTED = text -> "\"" + text + "\"";

    private WrongValues() {
    }

    /** Wrong values of a query parameter whose (item) schema is {@code schema}, as raw, percent-encoded text. */
    static Map<String, String> forQuery(JsonNode schema, String type, String format) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (type) {
            case "integer", "number" -> {
                values.put("not a number", "abc");
                putOverflows(values);
                values.put("NaN", "NaN");
                values.put("fraction", "1.5");
                if (schema.has("minimum")) {
                    values.put("below its minimum", belowMinimum(schema));
                }
                if (schema.has("maximum")) {
                    values.put("above its maximum", aboveMaximum(schema));
                    values.put("10^9", "1000000000");
                }
            }
            case "boolean" -> {
                values.put("not a boolean", "maybe");
                values.put("a number", "1");
            }
            default -> {
                switch (format) {
                    case "date" -> {
                        putImpossibleDates(values, RAW);
                        values.put("a word", "yesterday");
                    }
                    case "uuid" -> putWrongUuids(values, RAW);
                    default -> {
                        if (schema.has("maxLength")) {
                            values.put("over its maxLength", "{{repeat:" + (schema.path("maxLength").asInt() + 1) + ":q}}");
                        }
                    }
                }
                values.put("NUL", "a%00b");
                values.put("control character", "a%1Bb");
                values.put("invalid UTF-8 (an encoded lone surrogate)", "a%ED%A0%80b");
                values.put("RTL override", "a%E2%80%AEb");
                values.put("zero-width space", "a%E2%80%8Bb");
                values.put("malformed percent-encoding", "a%zzb");
            }
        }
        return values;
    }

    /** Wrong values of a body field ({@code node} its valid value, if any), as JSON text. */
    static Map<String, String> forField(JsonNode schema, String type, String format, JsonNode node, boolean required) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("wrong type", type.equals("string") ? "[]" : "\"text\"");
        if (type.equals("object")) {
            values.put("an array for an object", "[]");
        }
        if (required) {
            values.put("null in a required field", "null");
        }
        switch (type) {
            case "string" -> putStrings(schema, format, values);
            case "integer", "number" -> {
                putOverflows(values);
                values.put("-2^63-1 (below a long)", "-9223372036854775809");
                values.put("NaN as a string", "\"NaN\"");
                values.put("Infinity as a string", "\"Infinity\"");
                if (type.equals("integer")) {
                    values.put("fraction", "1.5");
                }
                if (schema.has("minimum")) {
                    values.put("below its minimum", belowMinimum(schema));
                    if (schema.path("minimum").asLong() > 0) {
                        values.put("negative zero", "-0");
                    }
                }
                if (schema.has("maximum")) {
                    values.put("above its maximum", aboveMaximum(schema));
                }
            }
            case "boolean" -> values.put("not a boolean", "\"maybe\"");
            case "array" -> {
                if (schema.path("minItems").asInt() > 0) {
                    values.put("fewer items than its minimum", "[]");
                }
                if (schema.has("maxItems") && node != null && node.isArray() && !node.isEmpty() && !schema.path("uniqueItems").asBoolean()) {
                    ArrayNode many = node.deepCopy();
                    while (many.size() <= schema.path("maxItems").asInt()) {
                        many.add(node.get(0).deepCopy());
                    }
                    values.put("more items than its maximum", BodyText.compact(many));
                }
            }
            default -> {
            }
        }
        return values;
    }

    private static void putStrings(JsonNode schema, String format, Map<String, String> values) {
        if (schema.has("enum")) {
            values.put("not one of its values", "\"NOT_A_VALUE\"");
            values.put("lower case", "\"" + schema.path("enum").path(0).asText().toLowerCase() + "\"");
            values.put("NUL", "\"" + schema.path("enum").path(0).asText() + "\\u0000\"");
            return;
        }
        switch (format) {
            case "date" -> {
                putImpossibleDates(values, QUOTED);
                values.put("year +10000", "\"+10000-01-01\"");
                values.put("a date-time", "\"2026-03-01T00:00:00Z\"");
                values.put("a word", "\"yesterday\"");
                values.put("NUL", "\"2026-03-01\\u0000\"");
                return;
            }
            case "uuid" -> {
                putWrongUuids(values, QUOTED);
                values.put("NUL", "\"00000000-0000-0000-0000-000000000000\\u0000\"");
                return;
            }
            case "timezone" -> {
                values.put("unknown time zone", "\"Mars/Olympus_Mons\"");
                values.put("offset beyond 18 hours", "\"UTC+25:00\"");
                values.put("abbreviation", "\"EST\"");
                values.put("lower-case id", "\"europe/zurich\"");
            }
            default -> {
            }
        }
        HOSTILE_TEXT.forEach((what, text) -> values.put(what, QUOTED.apply(text)));
        if (schema.has("maxLength") && schema.path("maxLength").asInt() < 10_000) {
            values.put("over its maxLength", "\"{{repeat:" + (schema.path("maxLength").asInt() + 1) + ":x}}\"");
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.path("pattern").asText());
            PATTERN_CANDIDATES.forEach((what, json) -> {
                if (!pattern.matcher(BodyText.unquote(json)).find()) {
                    values.put(what + " (against its pattern)", json);
                }
            });
        }
    }

    /** Numbers no double or long holds; the same text in a query and in JSON. */
    private static void putOverflows(Map<String, String> values) {
        values.put("1e309 (beyond a double)", "1e309");
        values.put("2^63 (beyond a long)", "9223372036854775808");
    }

    private static void putImpossibleDates(Map<String, String> values, UnaryOperator<String> form) {
        values.put("impossible date 2026-02-30", form.apply("2026-02-30"));
        values.put("month 13", form.apply("2026-13-01"));
        values.put("year 0", form.apply("0000-01-01"));
        values.put("year 10000", form.apply("10000-01-01"));
    }

    private static void putWrongUuids(Map<String, String> values, UnaryOperator<String> form) {
        values.put("not a UUID", form.apply("not-a-uuid"));
        values.put("short UUID", form.apply("1-1-1-1-1"));
    }

    private static String belowMinimum(JsonNode schema) {
        return schema.path("minimum").bigIntegerValue().subtract(BigInteger.ONE).toString();
    }

    private static String aboveMaximum(JsonNode schema) {
        return schema.path("maximum").bigIntegerValue().add(BigInteger.ONE).toString();
    }
}
