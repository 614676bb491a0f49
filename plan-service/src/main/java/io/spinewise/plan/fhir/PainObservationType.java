package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The pain ratings of a check-off (before and after the session, 0–10, each when given) as FHIR Observations
 * coded LOINC 72514-3, a value in {@code valueInteger}, reported by the patient at the session's time and part
 * of its Procedure. Each one's id is derived from the check-off's id and which rating it is, so it is stable
 * from one export to the next.
 */
@ApplicationScoped
class PainObservationType implements FhirType {

    static final String LOINC = "http://loinc.org";
    static final String PAIN_SEVERITY = "72514-3";
    static final String PAIN_SEVERITY_NAME = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
    static final String BEFORE = "Rated before the session";
    static final String AFTER = "Rated after the session";

    @Override
    public String name() {
        return "Observation";
    }

    @Override
    public int rank() {
        return 3;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.PAIN_RATINGS;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        UUID checkOff = row.getObject("id", UUID.class);
        UUID patient = row.getObject("patient_id", UUID.class);
        String effective = FhirJson.dateTime(row.getObject("performed_at", OffsetDateTime.class).toInstant(),
                ZoneId.of(row.getString("time_zone")));
        int before = row.getInt("pain_before");
        if (!row.wasNull()) {
            out.accept(observation(refs, checkOff, patient, effective, before, "before", BEFORE));
        }
        int after = row.getInt("pain_after");
        if (!row.wasNull()) {
            out.accept(observation(refs, checkOff, patient, effective, after, "after", AFTER));
        }
    }

    /** The id of the rating {@code which} ("before", "after") of check-off {@code checkOff}. */
    static UUID id(UUID checkOff, String which) {
        return UUID.nameUUIDFromBytes(("pain-" + which + ":" + checkOff).getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode observation(FhirRefs refs, UUID checkOff, UUID patient, String effective, int value,
                                   String which, String words) {
        ObjectNode observation = FhirJson.resource(name(), id(checkOff, which));
        observation.putArray("partOf").add(FhirJson.reference(refs.to("Procedure", checkOff)));
        observation.put("status", "final");
        observation.putArray("category").add(FhirJson.concept(FhirJson.coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey"), null));
        observation.set("code", FhirJson.concept(FhirJson.coding(LOINC, PAIN_SEVERITY, PAIN_SEVERITY_NAME),
                "Pain severity 0-10"));
        observation.set("subject", FhirJson.reference(refs.to("Patient", patient)));
        observation.put("effectiveDateTime", effective);
        observation.putArray("performer").add(FhirJson.reference(refs.to("Patient", patient)));
        observation.put("valueInteger", value);
        observation.set("note", FhirJson.note(words));
        return observation;
    }
}
