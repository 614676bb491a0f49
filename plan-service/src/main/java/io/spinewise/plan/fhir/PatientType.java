package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.plan.data.FhirQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A patient as a FHIR Patient: the clinic's id for them (identifier) and their name, which is all plan-service
 * holds that a record needs. Not exported: the e-mail address, login, time zone and language (contact and
 * settings of Spinewise's own, not clinical data). Spinewise holds no birth date, sex or address.
 */
@ApplicationScoped
class PatientType implements FhirType {

    @Inject
    FhirSystems systems;

    @Override
    public String name() {
        return "Patient";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public FhirQuery query() {
        return FhirQuery.PATIENTS;
    }

    @Override
    public void map(ResultSet row, FhirRefs refs, Consumer<ObjectNode> out) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        ObjectNode patient = FhirJson.resource(name(), id);
        patient.set("identifier", FhirJson.identifier(systems.patientId(row.getString("clinic_id")), id.toString()));
        ObjectNode name = FhirJson.object();
        String family = row.getString("last_name").strip();
        String given = row.getString("first_name").strip();
        if (!family.isEmpty()) {
            name.put("family", family);
        }
        if (!given.isEmpty()) {
            name.putArray("given").add(given);
        }
        if (!name.isEmpty()) {
            patient.putArray("name").add(name);
        }
        out.accept(patient);
    }
}
