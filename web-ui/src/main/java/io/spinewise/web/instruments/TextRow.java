package io.spinewise.web.instruments;

import io.spinewise.web.client.model.DueAssessment;
import io.spinewise.web.client.model.Instrument;
import io.spinewise.web.client.model.InstrumentText;
import io.spinewise.web.form.FormInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One item of a licensed instrument on the text form: its question or statement, and its answer labels one a
 * line, lowest value first ({@code values} says which values, e.g. "0 to 5", and how many lines are needed).
 */
public record TextRow(int index, String id, String text, List<String> labels, int count, String values) {

    /** The form field of an item's part: {@code item-2-text}, {@code item-2-options}. */
    static String field(int index, String part) {
        return "item-" + index + "-" + part;
    }

    public String textField() {
        return field(index, "text");
    }

    public String optionsField() {
        return field(index, "options");
    }

    public int number() {
        return index + 1;
    }

    public String labelLines() {
        return String.join("\n", labels);
    }

    /** The rows of the instrument, filled with the text in use (or empty). */
    static List<TextRow> of(Instrument instrument, InstrumentText entered) {
        List<DueAssessment.Item> items = instrument.itemsOrEmpty();
        return IntStream.range(0, items.size()).mapToObj(i -> {
            boolean has = entered != null && entered.items() != null && i < entered.items().size();
            return row(i, items.get(i), has ? entered.items().get(i).text() : "",
                    has ? entered.items().get(i).options() : List.of());
        }).toList();
    }

    /** The rows as typed: each label line without surrounding blanks, blank lines left out. */
    static List<TextRow> typed(Instrument instrument, FormInput in) {
        List<DueAssessment.Item> items = instrument.itemsOrEmpty();
        return IntStream.range(0, items.size()).mapToObj(i -> row(i, items.get(i), in.text(field(i, "text")),
                in.lines(field(i, "options")))).toList();
    }

    /** The text fields of the text in use, as the form shows them. */
    static Map<String, String> values(InstrumentText entered) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", entered == null ? "" : entered.title());
        values.put("instructions", entered == null || entered.instructions() == null ? "" : entered.instructions());
        values.put("licenceHolder", entered == null ? "" : entered.licenceHolder());
        values.put("licenceReference", entered == null ? "" : entered.licenceReference());
        values.put("validUntil", entered == null || entered.validUntil() == null ? "" : entered.validUntil().toString());
        return values;
    }

    private static TextRow row(int index, DueAssessment.Item item, String text, List<String> labels) {
        List<DueAssessment.Option> options = item.options() == null ? List.of() : item.options();
        String values = options.isEmpty() ? "" : options.get(0).value() + " to " + options.get(options.size() - 1).value();
        return new TextRow(index, item.id(), text == null ? "" : text, labels == null ? List.of() : labels,
                options.size(), values);
    }
}
