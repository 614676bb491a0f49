package io.spinewise.plan.outcomes;

import io.spinewise.common.problem.Problem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The wording a clinic that holds a licence entered for a licence-required instrument, with its attestation of
 * that licence. It replaces only words: the items, values, scoring, range, direction and MCID stay the library's,
 * so answers are checked and scored by the definition whatever the clinic wrote.
 *
 * @param items one per item of the definition, in its order, each with one label per answer option
 */
public record ClinicText(String title, String instructions, List<ItemText> items, String licenceHolder,
                         String licenceReference, LocalDate validUntil) {

    public static final int TITLE_MAX = 200;
    public static final int INSTRUCTIONS_MAX = 2000;
    public static final int ITEM_TEXT_MAX = 500;
    public static final int LABEL_MAX = 200;
    public static final int ATTESTATION_MAX = 200;

    /**
     * Markup or control characters other than line breaks and tabs (a form's text area sends CR LF): the text is
     * shown as plain text on pages, in PDFs and in FHIR.
     */
    private static final Pattern NOT_PLAIN = Pattern.compile("[<>\\p{Cntrl}&&[^\\n\\r\\t]]");

    /** One item's wording: its question or statement and the label of each answer value, lowest value first. */
    public record ItemText(String text, List<String> options) {
    }

    /**
     * What keeps this text from fitting the instrument, each naming its field ({@code items[2].options}): exactly
     * the definition's number of items and of answer options per item, nothing blank, lengths bounded, no markup.
     */
    public List<Problem.Violation> check(Definition definition, LocalDate today) {
        List<Problem.Violation> violations = new ArrayList<>();
        plain(violations, "title", title, TITLE_MAX, true);
        plain(violations, "instructions", instructions, INSTRUCTIONS_MAX, false);
        plain(violations, "licenceHolder", licenceHolder, ATTESTATION_MAX, true);
        plain(violations, "licenceReference", licenceReference, ATTESTATION_MAX, true);
        if (validUntil != null && validUntil.isBefore(today)) {
            violations.add(new Problem.Violation("validUntil", "has passed (" + validUntil + "): a lapsed licence"
                    + " cannot be entered"));
        }
        List<Item> defined = definition.items();
        if (items == null || items.size() != defined.size()) {
            violations.add(new Problem.Violation("items", "must be exactly " + defined.size() + " items, as "
                    + definition.code() + " defines them (got " + (items == null ? 0 : items.size()) + ")"));
            return violations;
        }
        for (int i = 0; i < defined.size(); i++) {
            ItemText given = items.get(i);
            String field = "items[" + i + "]";
            if (given == null) {
                violations.add(new Problem.Violation(field, "is required"));
                continue;
            }
            plain(violations, field + ".text", given.text(), ITEM_TEXT_MAX, true);
            int options = defined.get(i).options().size();
            if (given.options() == null || given.options().size() != options) {
                violations.add(new Problem.Violation(field + ".options", "must be exactly " + options
                        + " labels, one per answer value " + FixedItems.range(defined.get(i))));
                continue;
            }
            for (int o = 0; o < options; o++) {
                plain(violations, field + ".options[" + o + "]", given.options().get(o), LABEL_MAX, true);
            }
        }
        return violations;
    }

    /** The definition worded with this text: same items, values and scoring, the clinic's words. */
    public Definition applyTo(Definition d) {
        List<Item> worded = IntStream.range(0, d.items().size()).mapToObj(i -> {
            Item item = d.items().get(i);
            List<Item.AnswerOption> options = IntStream.range(0, item.options().size())
                    .mapToObj(o -> new Item.AnswerOption(item.options().get(o).value(), items.get(i).options().get(o)))
                    .toList();
            return new Item(item.id(), items.get(i).text(), options, item.activityNamed());
        }).toList();
        return new Definition(d.code(), title, instructions, worded, d.scoringRule(), d.minScore(), d.maxScore(),
                d.direction(), d.mcid(), d.mcidSource(), d.reference(), d.licence(), d.licenceTerms(),
                d.licenceSource());
    }

    /** The clinic's attestation in words, as the FHIR Questionnaire's copyright states it. */
    public String attestation() {
        return "Text entered by the clinic under its licence: holder " + licenceHolder + ", reference "
                + licenceReference + (validUntil == null ? "" : ", valid until " + validUntil) + ".";
    }

    /** Whether the licence's stated end has passed on {@code today}. */
    public boolean lapsed(LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }

    private static void plain(List<Problem.Violation> violations, String field, String value, int max,
                              boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required"));
            }
        } else if (value.length() > max) {
            violations.add(new Problem.Violation(field, "must be at most " + max + " characters"));
        } else if (NOT_PLAIN.matcher(value).find()) {
            violations.add(new Problem.Violation(field, "must be plain text (no <, > or control characters)"));
        }
    }
}
