package io.spinewise.web.client.model;

import java.util.Optional;

/**
 * The resource types of plan-service's bulk FHIR export ({@code GET /api/fhir/export/{type}.ndjson}), one NDJSON
 * file each; {@link #fhirName()} is the type as FHIR spells it, which is the file's name.
 */
public enum FhirResourceType {
    PATIENT("Patient"),
    CARE_PLAN("CarePlan"),
    PROCEDURE("Procedure"),
    OBSERVATION("Observation"),
    QUESTIONNAIRE("Questionnaire"),
    QUESTIONNAIRE_RESPONSE("QuestionnaireResponse");

    private final String fhirName;

    FhirResourceType(String fhirName) {
        this.fhirName = fhirName;
    }

    public String fhirName() {
        return fhirName;
    }

    /** The type FHIR spells {@code name}, if it is one of the export's. */
    public static Optional<FhirResourceType> ofFhirName(String name) {
        for (FhirResourceType t : values()) {
            if (t.fhirName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
