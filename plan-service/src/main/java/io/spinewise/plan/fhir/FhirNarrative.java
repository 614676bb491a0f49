package io.spinewise.plan.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short generated narrative every exported resource carries ({@code text}, status {@code generated}; FHIR's
 * dom-6 asks for one): a line of what the resource's own elements say (what it is, its value, when, its status),
 * e.g. "Observation: Pain severity 0-10, value 4, 2026-11-20T08:05:00+01:00 (final)". Written from the resource
 * itself after it is mapped, so it never says more than the structured data; plain text in an XHTML div, escaped.
 */
public final class FhirNarrative {

    /** Where a resource names what it is, in this order. */
    private static final List<String> LABELS = List.of("/title", "/code/text", "/code/coding/0/display",
            "/questionnaire");

    /** Where a resource says its value. */
    private static final List<String> VALUES = List.of("/valueInteger", "/valueQuantity/value");

    /** Where a resource says when. */
    private static final List<String> WHEN = List.of("/performedDateTime", "/effectiveDateTime", "/authored",
            "/period/start");

    private FhirNarrative() {
    }

    /** Adds {@code text} to {@code resource}. */
    static void add(ObjectNode resource) {
        List<String> parts = new ArrayList<>();
        first(resource, LABELS).or(() -> name(resource)).ifPresent(parts::add);
        first(resource, VALUES).ifPresent(v -> parts.add("value " + v));
        first(resource, WHEN).ifPresent(parts::add);
        String status = resource.path("status").asText("");
        String line = resource.path("resourceType").asText() + (parts.isEmpty() ? "" : ": " + String.join(", ", parts))
                + (status.isEmpty() ? "" : " (" + status + ")");
        resource.set("text", FhirJson.object().put("status", "generated")
                .put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(line) + "</div>"));
    }

    private static Optional<String> first(JsonNode resource, List<String> pointers) {
        for (String pointer : pointers) {
            JsonNode node = resource.at(pointer);
            if (node.isValueNode() && !node.asText().isBlank()) {
                return Optional.of(node.asText());
            }
        }
        return Optional.empty();
    }

    /** A Patient's name as given and family name, when it has one. */
    private static Optional<String> name(JsonNode resource) {
        String name = (resource.at("/name/0/given/0").asText("") + " " + resource.at("/name/0/family").asText(""))
                .strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** {@code text} as XHTML character data. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
