package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates NetworkPolicies the way the Kubernetes API defines them: a connection goes through
 * only if the sender's egress AND the receiver's ingress allow it. For each direction, a pod
 * that no policy of that direction selects allows everything; a selected pod allows a
 * connection only if some selecting policy has a rule whose peers and ports match it. Named
 * ports resolve against the receiving pod, as Kubernetes does for both directions.
 */
final class NetworkReachability {

    /**
     * An endpoint as policies see it: where it runs (null namespace: outside the cluster), its
     * labels, its named ports and an IPv4 address for ipBlock peers.
     */
    record Pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts,
            String ip) {

        /** Any pod inside the cluster; ipBlock peers see it at a typical pod-network address. */
        Pod(String description, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
            this(description, namespace, labels, namedPorts, "10.244.0.10");
        }

        static Pod outsideTheCluster(String description, String ip) {
            return new Pod(description, null, Map.of(), Map.of(), ip);
        }
    }

    private final List<ObjectNode> policies;
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();

    /** @param documents the rendering plus any policy an operator creates (modelled by the caller) */
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

    boolean canReach(Pod from, Pod to, int port, String protocol) {
        return allows("Egress", from, to, to, port, protocol) && allows("Ingress", to, from, to, port, protocol);
    }

    /** Whether the policies selecting {@code subject} in one direction admit {@code peer}. */
    private boolean allows(String direction, Pod subject, Pod peer, Pod receiver, int port, String protocol) {
        if (subject.namespace() == null) {
            return true;
        }
        List<ObjectNode> selecting = policies.stream()
                .filter(p -> subject.namespace().equals(namespaceOf(p, subject.namespace())))
                .filter(p -> Selectors.selects(p.path("spec").path("podSelector"), subject.labels()))
                .filter(p -> governs(p, direction))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        String rules = "Ingress".equals(direction) ? "ingress" : "egress";
        String peersField = "Ingress".equals(direction) ? "from" : "to";
        for (ObjectNode policy : selecting) {
            for (JsonNode rule : policy.path("spec").path(rules)) {
                if (peersMatch(rule.path(peersField), peer, namespaceOf(policy, subject.namespace()))
                        && portsMatch(rule.path("ports"), port, protocol, receiver)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String namespaceOf(JsonNode policy, String fallback) {
        return policy.path("metadata").path("namespace").asText(fallback);
    }

    /** policyTypes defaults to Ingress, plus Egress when the policy has egress rules. */
    private static boolean governs(JsonNode policy, String direction) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return "Ingress".equals(direction) || policy.path("spec").has("egress");
        }
        for (JsonNode type : types) {
            if (direction.equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean peersMatch(JsonNode peers, Pod peer, String policyNamespace) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode entry : peers) {
            if (entry.has("ipBlock")) {
                if (IpBlock.contains(entry.get("ipBlock"), peer.ip())) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                // Pod and namespace selectors only ever match pods inside the cluster.
                continue;
            }
            boolean hasPods = entry.has("podSelector");
            boolean hasNamespaces = entry.has("namespaceSelector");
            boolean namespaceOk = hasNamespaces
                    ? Selectors.selects(entry.get("namespaceSelector"), labelsOfNamespace(peer.namespace()))
                    : peer.namespace().equals(policyNamespace);
            boolean podOk = !hasPods || Selectors.selects(entry.get("podSelector"), peer.labels());
            if ((hasPods || hasNamespaces) && namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, int port, String protocol, Pod receiver) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode entry : ports) {
            if (!protocol.equals(entry.path("protocol").asText("TCP"))) {
                continue;
            }
            JsonNode value = entry.path("port");
            int end = entry.path("endPort").asInt(value.asInt());
            if (value.isMissingNode()
                    || (value.isInt() && value.asInt() <= port && port <= end)
                    || (value.isTextual() && Integer.valueOf(port).equals(receiver.namedPorts().get(value.asText())))) {
                return true;
            }
        }
        return false;
    }

    /** IPv4 CIDR blocks with their except list; anything else is refused rather than guessed. */
    static final class IpBlock {

        private IpBlock() {
        }

        static boolean contains(JsonNode block, String ip) {
            if (!inCidr(block.path("cidr").asText(), ip)) {
                return false;
            }
            for (JsonNode except : block.path("except")) {
                if (inCidr(except.asText(), ip)) {
                    return false;
                }
            }
            return true;
        }

        static boolean inCidr(String cidr, String ip) {
            String[] parts = cidr.split("/");
            if (parts.length != 2 || !parts[0].contains(".")) {
                throw new IllegalArgumentException("ipBlock " + cidr + ": deploy-check models IPv4 CIDRs only");
            }
            int bits = Integer.parseInt(parts[1]);
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
        }

        private static long toLong(String ip) {
            long value = 0;
            for (String octet : ip.split("\\.")) {
                value = (value << 8) | Integer.parseInt(octet);
            }
            return value;
        }
    }
}
