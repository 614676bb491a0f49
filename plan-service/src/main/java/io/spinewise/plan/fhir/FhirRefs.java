package io.spinewise.plan.fhir;

import java.util.UUID;

/**
 * How one exported resource refers to another. Inside a Bundle every entry's {@code fullUrl} is
 * {@code urn:uuid:<id>} and references use it, so they resolve in the Bundle alone without a FHIR server's
 * base URL (Spinewise serves no FHIR read API). In the bulk NDJSON files, as FHIR Bulk Data does, references are
 * relative ({@code Patient/<id>}) and resolve against the resources of the other files, which carry those ids.
 */
public enum FhirRefs {

    BUNDLE {
        @Override
        public String to(String type, UUID id) {
            return "urn:uuid:" + id;
        }
    },
    NDJSON {
        @Override
        public String to(String type, UUID id) {
            return type + "/" + id;
        }
    };

    /** The reference to resource {@code type} with id {@code id}. */
    public abstract String to(String type, UUID id);
}
