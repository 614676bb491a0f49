package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The few FHIR data types the export writes, as JSON (FHIR's JSON form: no nulls, no empty arrays). */
final class FhirJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FhirJson() {
    }

    static ObjectNode resource(String type, UUID id) {
        ObjectNode r = NODES.objectNode();
        r.put("resourceType", type);
        r.put("id", id.toString());
        return r;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A one-element array of an Identifier. */
    static ArrayNode identifier(String system, String value) {
        ObjectNode id = object().put("system", system).put("value", value);
        return array().add(id);
    }

    static ObjectNode reference(String reference) {
        return object().put("reference", reference);
    }

    static ObjectNode coding(String system, String code, String display) {
        ObjectNode coding = object().put("system", system).put("code", code);
        return display == null ? coding : coding.put("display", display);
    }

    /** A CodeableConcept of one coding and a text. */
    static ObjectNode concept(ObjectNode coding, String text) {
        ObjectNode concept = object();
        concept.putArray("coding").add(coding);
        return text == null ? concept : concept.put("text", text);
    }

    /** A FHIR dateTime: the instant as a local time with its offset in the patient's zone. */
    static String dateTime(Instant at, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    /** A FHIR instant, in UTC. */
    static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** A one-element array of an Annotation holding {@code text}. */
    static ArrayNode note(String text) {
        return array().add(object().put("text", text));
    }
}
