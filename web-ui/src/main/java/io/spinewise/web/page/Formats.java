package io.spinewise.web.page;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.Variant;
import io.spinewise.web.client.model.Labels;
import io.spinewise.web.client.model.Term;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Formatting for the templates, null-safe: {@code {fmt:pct(value)}}, {@code {fmt:day(date)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** The same form in the patient's languages: weekday, day, month in words, year. */
    private static final Map<String, DateTimeFormatter> DAY_IN = Map.of(
            "de", DateTimeFormatter.ofPattern("EEE, d. MMM yyyy", Locale.GERMAN),
            "fr", DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.FRENCH),
            "es", DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.forLanguageTag("es")));
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final Map<String, DateTimeFormatter> LONG_DAY_IN = Map.of(
            "de", DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN),
            "fr", DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH),
            "es", DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es")));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 83.3 → "83 %"; no figure → "—". */
    static String pct(Double value) {
        return value == null ? "—" : Math.round(value) + " %";
    }

    /** A bar width 0–100 for a percentage (no figure → 0). */
    static long bar(Double value) {
        return value == null ? 0 : Math.max(0, Math.min(100, Math.round(value)));
    }

    /**
     * The one way the pages write a date, "Mon 23 Nov 2026": no all-numeric form that readers in
     * different countries would take for different days, and always the year. On a page in another
     * language (the template's {@code locale}) the same in its words: "Mo., 23. Nov. 2026".
     */
    static String day(LocalDate date, @TemplateAttribute("selectedVariant") Object variant) {
        return date == null ? "—" : DAY_IN.getOrDefault(language(variant), DAY).format(date);
    }

    /** A calendar day for screen readers, in the page's language: "Thursday 26 November 2026". */
    static String longDay(LocalDate date, @TemplateAttribute("selectedVariant") Object variant) {
        return date == null ? "—" : LONG_DAY_IN.getOrDefault(language(variant), LONG_DAY).format(date);
    }

    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** A service's constant in words: an enum of the client model by its own label, else "MOBILITY" → "Mobility". */
    static String label(Object constant) {
        return constant instanceof Term term ? term.label() : Labels.of(constant == null ? null : constant.toString());
    }

    /** −1.5 → "−1.5 (better)"; no figure → "—". */
    static String painChange(Double change) {
        if (change == null) {
            return "—";
        }
        if (Math.abs(change) < 0.05) {
            return "no change";
        }
        String number = String.format(Locale.ENGLISH, "%.1f", Math.abs(change));
        return change < 0 ? "−" + number + " (better)" : "+" + number + " (worse)";
    }

    /** A one-word trend for a class name: better, worse, flat, none. */
    static String trend(Double change) {
        if (change == null) {
            return "none";
        }
        if (Math.abs(change) < 0.05) {
            return "flat";
        }
        return change < 0 ? "better" : "worse";
    }

    /** A query parameter value, percent-encoded. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static List<DayOfWeek> weekDays() {
        return List.of(DayOfWeek.values());
    }

    static String dayName(DayOfWeek day, @TemplateAttribute("selectedVariant") Object variant) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag(language(variant)));
    }

    /** A calendar column's head: "Mo", "Di", "Lu"... (the day's name cut to two letters). */
    static String dayShort(DayOfWeek day, @TemplateAttribute("selectedVariant") Object variant) {
        String name = dayName(day, variant);
        return name.isEmpty() ? "" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1, 2);
    }

    static String lower(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT);
    }

    /** The page's language: the locale of the variant Quarkus chose by {@code Accept-Language} (PageLocaleFilter). */
    private static String language(Object variant) {
        return variant instanceof Variant v && v.getLocale() != null ? v.getLocale().getLanguage() : "en";
    }

    /** A figure as written in the page's language: 3.5, or 3,5 in German, French and Spanish. */
    static String number(Object value, @TemplateAttribute("selectedVariant") Object variant) {
        if (value == null) {
            return "—";
        }
        String text = value.toString();
        return value instanceof Double && !"en".equals(language(variant)) ? text.replace('.', ',') : text;
    }
}
