package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Kubernetes label selectors, as Services, NetworkPolicies and PodDisruptionBudgets use them. */
final class Selectors {

    private Selectors() {
    }

    static Map<String, String> labels(JsonNode mapping) {
        Map<String, String> labels = new LinkedHashMap<>();
        mapping.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** A plain map selector (Service.spec.selector): every pair must be present. */
    static boolean mapSelects(JsonNode selector, Map<String, String> labels) {
        return labels.entrySet().containsAll(labels(selector).entrySet());
    }

    /**
     * A LabelSelector (matchLabels and matchExpressions). An empty selector selects
     * everything, as in NetworkPolicy's podSelector: {}.
     */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!mapSelects(selector.path("matchLabels"), labels)) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            String operator = expression.path("operator").asText();
            boolean present = labels.containsKey(key);
            boolean inValues = false;
            for (JsonNode value : expression.path("values")) {
                inValues |= value.asText().equals(labels.get(key));
            }
            boolean ok = switch (operator) {
                case "In" -> present && inValues;
                case "NotIn" -> !present || !inValues;
                case "Exists" -> present;
                case "DoesNotExist" -> !present;
                default -> throw new IllegalArgumentException("unknown selector operator " + operator);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
