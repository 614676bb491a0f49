package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch that the overlays use: maps merge key by key,
 * null deletes, the pod-template lists merge by their Kubernetes merge key, every other list is
 * replaced whole. Patch directives ($patch, $retainKeys, ...) are refused rather than
 * half-implemented; where kubectl is present, the rendering is compared with kustomize's.
 */
final class StrategicMerge {

    /** Merge keys of the lists that Kubernetes merges element by element. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch, String kind) {
        merge(target, patch, kind, "");
    }

    private static void merge(ObjectNode target, ObjectNode patch, String kind, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + key + " at " + childPath
                        + " is not supported by deploy-check's Java renderer");
            }
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, kind, childPath);
            } else if (value.isArray() && existing != null && existing.isArray()
                    && mergeKey(kind, path, key) != null) {
                mergeList((ArrayNode) existing, (ArrayNode) value, mergeKey(kind, path, key), kind, childPath);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String kind, String parentPath, String key) {
        if ("ports".equals(key)) {
            // Container ports merge by containerPort, a Service's by port; other "ports"
            // lists (NetworkPolicy rules) are atomic.
            if (parentPath.contains("containers")) {
                return "containerPort";
            }
            return "Service".equals(kind) && "spec".equals(parentPath) ? "port" : null;
        }
        return MERGE_KEYS.get(key);
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String mergeKey, String kind, String path) {
        for (JsonNode patchItem : patch) {
            if (!patchItem.isObject() || !patchItem.has(mergeKey)) {
                throw new IllegalArgumentException("list item at " + path + " lacks its merge key " + mergeKey);
            }
            ObjectNode match = null;
            for (JsonNode item : target) {
                if (item.isObject() && patchItem.get(mergeKey).equals(item.get(mergeKey))) {
                    match = (ObjectNode) item;
                }
            }
            if (match != null) {
                merge(match, (ObjectNode) patchItem, kind, path);
            } else {
                target.add(patchItem.deepCopy());
            }
        }
    }
}
