package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.ClinicInstrumentTexts;
import io.spinewise.plan.data.FhirQuery;
import io.spinewise.plan.outcomes.ClinicText;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instruments;
import io.spinewise.plan.outcomes.Item;
import io.spinewise.plan.outcomes.ItemAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Each instrument of the library that was answered as a FHIR Questionnaire, with a canonical URL under
 * {@code spinewise.fhir.system-base}. Items keep the instrument's ids as {@code linkId}; their texts and the
 * scale's anchor labels are written only when the licence lets Spinewise ship them ({@code Licence.FREE}): a
 * licence-required instrument is exported as its structure (items, answer values) and its terms, never its words,
 * unless the clinic entered its licensed text: then with the clinic's words, and its attestation in {@code copyright}.
 * A PSFS activity is a group of the patient's name for it and its rating.
 */
@ApplicationScoped
class QuestionnaireType implements FhirType {

    /** The linkId suffixes of a PSFS activity's two parts. */
    static final String ACTIVITY = ".activity";
    static final String RATING = ".rating";

    @Inject
    FhirSystems systems;

    @Inject
    ClinicInstrumentTexts clinicTexts;

    @Override
    public String name() {
        return "Questionnaire";
    }

    @Override
    public int rank() {
        return 4;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.QUESTIONNAIRES;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        Optional<ClinicText> clinicText = clinicTexts.joined(row);
        Instruments.byCode(row.getString("instrument")).ifPresent(i -> out.accept(clinicText
                .map(t -> questionnaire(t.applyTo(i.definition()), true, t.attestation() + "\n\n"))
                .orElseGet(() -> questionnaire(i.definition(), i.definition().licence().textsShipped(), ""))));
    }

    /** The id of an instrument's Questionnaire: the same in every export and clinic. */
    static UUID id(String instrument) {
        return UUID.nameUUIDFromBytes(("questionnaire:" + instrument).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param texts       whether its words may be written (shipped, or the clinic's own licensed text)
     * @param attestation the clinic's statement of its licence, before the library's terms; empty for shipped texts
     */
    private ObjectNode questionnaire(Definition d, boolean texts, String attestation) {
        ObjectNode q = FhirJson.resource(name(), id(d.code()));
        q.put("url", systems.questionnaire(d.code()));
        q.put("name", d.code());
        q.put("title", d.title());
        q.put("status", "active");
        q.putArray("subjectType").add("Patient");
        q.put("description", (texts && d.instructions() != null ? d.instructions() + "\n\n" : "")
                + "Scoring: " + d.scoringRule());
        q.put("copyright", attestation + d.licenceTerms() + "\n\nReference: " + d.reference() + "\n\nLicence checked: "
                + d.licenceSource());
        ArrayNode items = q.putArray("item");
        for (Item item : d.items()) {
            items.add(item.activityNamed() ? activity(item, texts, item == d.items().get(0))
                    : question(item.id(), item, texts));
        }
        return q;
    }

    /** A PSFS activity: the patient's name for it (their own words) and its rating; only the first is required. */
    private ObjectNode activity(Item item, boolean texts, boolean first) {
        ObjectNode group = FhirJson.object().put("linkId", item.id()).put("type", "group").put("required", first);
        ArrayNode parts = group.putArray("item");
        parts.addObject().put("linkId", item.id() + ACTIVITY).put("text", "Activity, in the patient's words")
                .put("type", "string").put("required", true).put("maxLength", ItemAnswer.ACTIVITY_MAX);
        parts.add(question(item.id() + RATING, item, texts).put("text", "Rating of the activity today"));
        return group;
    }

    private ObjectNode question(String linkId, Item item, boolean texts) {
        ObjectNode q = FhirJson.object().put("linkId", linkId);
        if (texts && item.text() != null) {
            q.put("text", item.text());
        }
        q.put("type", "integer").put("required", true);
        ArrayNode options = q.putArray("answerOption");
        item.options().forEach(o -> options.addObject().put("valueInteger", o.value()));
        String anchors = item.options().stream().filter(o -> o.label() != null)
                .map(o -> o.value() + " = " + o.label()).collect(Collectors.joining(", "));
        if (texts && !anchors.isEmpty()) {
            q.putArray("item").addObject().put("linkId", linkId + ".anchors").put("text", anchors)
                    .put("type", "display");
        }
        return q;
    }
}
