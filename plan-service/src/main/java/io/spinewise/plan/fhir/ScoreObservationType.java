package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instruments;
import io.spinewise.plan.outcomes.Nprs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The score of each answered questionnaire as a FHIR Observation derived from its QuestionnaireResponse, with
 * the instrument's scoring rule in words as its note. Coded by instrument in Spinewise's own code system
 * ({@code …/outcome-score#PSFS}); the NPRS also as LOINC 72514-3, the pain-severity code the pain ratings use,
 * and its value is then a {@code valueInteger} like theirs. The other scores are a {@code valueQuantity} in
 * UCUM's {@code {score}}, as the PSFS's is a mean with two decimals.
 */
@ApplicationScoped
class ScoreObservationType implements FhirType {

    @Inject
    FhirSystems systems;

    @Override
    public String name() {
        return "Observation";
    }

    @Override
    public int rank() {
        return 6;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.QUESTIONNAIRE_RESPONSES;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        Definition definition = Instruments.byCode(row.getString("instrument")).orElseThrow().definition();
        UUID response = row.getObject("id", UUID.class);
        String patient = refs.to("Patient", row.getObject("patient_id", UUID.class));
        BigDecimal score = row.getBigDecimal("score");
        ObjectNode observation = FhirJson.resource(name(), id(response));
        observation.put("status", "final");
        observation.putArray("category").add(FhirJson.concept(FhirJson.coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"), null));
        boolean nprs = Nprs.CODE.equals(definition.code());
        ObjectNode code = FhirJson.concept(FhirJson.coding(systems.outcomeScore(), definition.code(),
                definition.title() + " score"), definition.title() + " score");
        if (nprs) {
            code.withArray("coding").insert(0, FhirJson.coding(PainObservationType.LOINC,
                    PainObservationType.PAIN_SEVERITY, PainObservationType.PAIN_SEVERITY_NAME));
        }
        observation.set("code", code);
        observation.set("subject", FhirJson.reference(patient));
        observation.put("effectiveDateTime", QuestionnaireResponseType.authored(row));
        observation.putArray("performer").add(FhirJson.reference(patient));
        if (nprs) {
            observation.put("valueInteger", score.intValueExact());
        } else {
            observation.set("valueQuantity", FhirJson.object().put("value", score).put("unit", "score")
                    .put("system", "http://unitsofmeasure.org").put("code", "{score}"));
        }
        observation.set("note", FhirJson.note(definition.scoringRule()));
        observation.putArray("derivedFrom").add(FhirJson.reference(refs.to("QuestionnaireResponse", response)));
        out.accept(observation);
    }

    /** The id of the score of answered questionnaire {@code response}. */
    static UUID id(UUID response) {
        return UUID.nameUUIDFromBytes(("score:" + response).getBytes(StandardCharsets.UTF_8));
    }
}
