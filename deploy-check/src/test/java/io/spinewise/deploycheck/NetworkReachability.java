package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicy ingress rules the way the Kubernetes API defines them: a pod that no
 * policy selects accepts everything; a selected pod accepts a connection only if some selecting
 * policy has a rule whose peers and ports match it. Egress and ipBlock peers are not modelled
 * (k8s/ uses neither).
 */
final class NetworkReachability {

    /** A pod as policies see it: where it runs, its labels and its named ports. */
    record Pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    private final List<ObjectNode> policies;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    NetworkReachability(List<ObjectNode> documents) {
        this.policies = documents.stream().filter(d -> "NetworkPolicy".equals(Yaml.kind(d))).toList();
        for (ObjectNode doc : documents) {
            if ("Namespace".equals(Yaml.kind(doc))) {
                namespaceLabels.put(Yaml.name(doc), Selectors.labels(doc.path("metadata").path("labels")));
            }
        }
    }

    /** The labels of a namespace, including the one Kubernetes sets on every namespace. */
    private Map<String, String> labelsOfNamespace(String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    boolean canReach(Pod from, Pod to, int port) {
        List<ObjectNode> selecting = policies.stream()
                .filter(p -> to.namespace().equals(p.path("metadata").path("namespace").asText(to.namespace())))
                .filter(p -> Selectors.selects(p.path("spec").path("podSelector"), to.labels()))
                .filter(NetworkReachability::governsIngress)
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (ObjectNode policy : selecting) {
            String policyNamespace = policy.path("metadata").path("namespace").asText(to.namespace());
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (peersMatch(rule.path("from"), from, policyNamespace) && portsMatch(rule.path("ports"), port, to)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean governsIngress(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return true;
        }
        for (JsonNode type : types) {
            if ("Ingress".equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean peersMatch(JsonNode peers, Pod from, String policyNamespace) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            boolean hasPods = peer.has("podSelector");
            boolean hasNamespaces = peer.has("namespaceSelector");
            boolean namespaceOk = hasNamespaces
                    ? Selectors.selects(peer.get("namespaceSelector"), labelsOfNamespace(from.namespace()))
                    : from.namespace().equals(policyNamespace);
            boolean podOk = !hasPods || Selectors.selects(peer.get("podSelector"), from.labels());
            if ((hasPods || hasNamespaces) && namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, int port, Pod to) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode entry : ports) {
            JsonNode value = entry.path("port");
            if (value.isMissingNode()
                    || (value.isInt() && value.asInt() == port)
                    || (value.isTextual() && Integer.valueOf(port).equals(to.namedPorts().get(value.asText())))) {
                return true;
            }
        }
        return false;
    }
}
