package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A check-off (not undone) as a FHIR Procedure: a home exercise session the patient did, when they did it
 * ({@code performed_at}, else when it was received, in the patient's zone) and the CarePlan it was part of
 * ({@code basedOn}). The code is text only: no standard code is asserted for "home exercise session".
 */
@ApplicationScoped
class ProcedureType implements FhirType {

    /** The Procedure's code (text only). */
    static final String SESSION = "Home exercise session";

    @Inject
    FhirSystems systems;

    @Override
    public String name() {
        return "Procedure";
    }

    @Override
    public int rank() {
        return 2;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.PROCEDURES;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        ObjectNode procedure = FhirJson.resource(name(), id);
        procedure.set("identifier", FhirJson.identifier(systems.checkOffId(), id.toString()));
        UUID plan = row.getObject("plan_id", UUID.class);
        procedure.putArray("basedOn").add(FhirJson.reference(refs.to("CarePlan", plan)));
        procedure.put("status", "completed");
        procedure.set("code", FhirJson.object().put("text", SESSION));
        procedure.set("subject", FhirJson.reference(refs.to("Patient", row.getObject("patient_id", UUID.class))));
        Instant performed = row.getObject("performed_at", OffsetDateTime.class).toInstant();
        procedure.put("performedDateTime", FhirJson.dateTime(performed, ZoneId.of(row.getString("time_zone"))));
        String note = row.getString("note");
        if (note != null && !note.isBlank()) {
            procedure.set("note", FhirJson.note(note.strip()));
        }
        out.accept(procedure);
    }
}
