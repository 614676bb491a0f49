package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instruments;
import io.spinewise.plan.outcomes.Item;
import io.spinewise.plan.outcomes.ItemAnswer;
import io.spinewise.plan.service.QuestionnaireAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Each answered questionnaire as a FHIR QuestionnaireResponse of its instrument's Questionnaire: completed,
 * authored when the patient answered (with the patient's offset), each answer a {@code valueInteger} under the
 * item's id, in the instrument's order; a PSFS activity's name is the patient's own text, a {@code valueString}.
 */
@ApplicationScoped
class QuestionnaireResponseType implements FhirType {

    @Inject
    FhirSystems systems;

    @Inject
    QuestionnaireAnswers answers;

    @Override
    public String name() {
        return "QuestionnaireResponse";
    }

    @Override
    public int rank() {
        return 5;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.QUESTIONNAIRE_RESPONSES;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        Definition definition = Instruments.byCode(row.getString("instrument")).orElseThrow().definition();
        UUID id = row.getObject("id", UUID.class);
        String patient = refs.to("Patient", row.getObject("patient_id", UUID.class));
        ObjectNode response = FhirJson.resource(name(), id);
        response.set("identifier", FhirJson.object().put("system", systems.assessmentResponseId())
                .put("value", id.toString()));
        response.put("questionnaire", systems.questionnaire(definition.code()));
        response.put("status", "completed");
        response.set("subject", FhirJson.reference(patient));
        response.put("authored", authored(row));
        response.set("author", FhirJson.reference(patient));
        response.set("source", FhirJson.reference(patient));
        response.set("item", items(definition, answers.read(row.getString("answers"))));
        out.accept(response);
    }

    /** When the patient answered, with their offset (also the score Observation's time). */
    static String authored(ResultSet row) throws SQLException {
        return FhirJson.dateTime(row.getObject("answered_at", OffsetDateTime.class).toInstant(),
                ZoneId.of(row.getString("time_zone")));
    }

    private static ArrayNode items(Definition definition, List<ItemAnswer> given) {
        ArrayNode items = FhirJson.array();
        for (Item item : definition.items()) {
            given.stream().filter(a -> a.item().equals(item.id())).findFirst().ifPresent(answer -> {
                ObjectNode rating = FhirJson.object().put("valueInteger", answer.value());
                if (item.activityNamed()) {
                    ObjectNode activity = FhirJson.object().put("valueString", answer.activity());
                    items.addObject().put("linkId", item.id()).putArray("item")
                            .add(answered(item.id() + QuestionnaireType.ACTIVITY, activity))
                            .add(answered(item.id() + QuestionnaireType.RATING, rating));
                } else {
                    items.add(answered(item.id(), rating));
                }
            });
        }
        return items;
    }

    /** An item of the response with its one answer. */
    private static ObjectNode answered(String linkId, ObjectNode answer) {
        ObjectNode item = FhirJson.object().put("linkId", linkId);
        item.putArray("answer").add(answer);
        return item;
    }
}
