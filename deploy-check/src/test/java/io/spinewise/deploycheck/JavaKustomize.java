package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization without kubectl, for machines that lack it. It implements only what
 * k8s/ uses (resources, namespace, images, strategic-merge patches given by path) and refuses
 * any other field, so a new kustomize feature in k8s/ fails loudly here instead of being
 * silently ignored. Where kubectl is installed, its rendering is compared with this one.
 */
final class JavaKustomize {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "namespace", "resources", "images", "patches");

    /** Kinds that live outside namespaces (of those that k8s/ could plausibly contain). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass");

    private JavaKustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        ObjectNode kustomization = Yaml.readOne(Repo.read(file), file.toString());
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + " uses '" + field
                        + "', which deploy-check's Java renderer does not implement");
            }
        });

        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                documents.addAll(render(resource));
            } else {
                documents.addAll(Yaml.readAll(Repo.read(resource), resource.toString()));
            }
        }
        requireUniqueIds(documents, file);

        for (JsonNode patchEntry : kustomization.path("patches")) {
            if (patchEntry.size() != 1 || !patchEntry.has("path")) {
                throw new IllegalArgumentException(file + ": only 'patches: - path: FILE' is supported, got "
                        + patchEntry);
            }
            Path patchFile = directory.resolve(patchEntry.get("path").asText()).normalize();
            for (ObjectNode patch : Yaml.readAll(Repo.read(patchFile), patchFile.toString())) {
                ObjectNode target = documents.stream()
                        .filter(doc -> sameTarget(doc, patch))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                patchFile + ": no resource matches patch " + Yaml.id(patch)));
                StrategicMerge.apply(target, patch, Yaml.kind(target));
            }
        }

        String namespace = kustomization.path("namespace").asText(null);
        if (namespace != null) {
            for (ObjectNode doc : documents) {
                ObjectNode metadata = (ObjectNode) doc.path("metadata");
                if ("Namespace".equals(Yaml.kind(doc))) {
                    // kustomize renames Namespace objects to the kustomization's namespace.
                    metadata.put("name", namespace);
                } else if (!CLUSTER_SCOPED.contains(Yaml.kind(doc))) {
                    metadata.put("namespace", namespace);
                }
            }
        }

        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode doc : documents) {
                retagImages(doc, image);
            }
        }
        return documents;
    }

    private static boolean sameTarget(JsonNode doc, JsonNode patch) {
        return Yaml.kind(doc).equals(Yaml.kind(patch))
                && Yaml.name(doc).equals(Yaml.name(patch))
                && doc.path("apiVersion").asText().equals(patch.path("apiVersion").asText());
    }

    private static void requireUniqueIds(List<ObjectNode> documents, Path file) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode doc : documents) {
            String id = Yaml.id(doc) + "@" + doc.path("metadata").path("namespace").asText();
            if (!seen.add(id)) {
                throw new IllegalArgumentException(file + ": resource " + id + " is defined twice");
            }
        }
    }

    /** kustomize's image transformer: every container image whose name matches the entry. */
    private static void retagImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode child = node.get(key);
                if (("containers".equals(key) || "initContainers".equals(key)) && child.isArray()) {
                    for (JsonNode container : (ArrayNode) child) {
                        if (container.has("image")) {
                            ((ObjectNode) container).put("image",
                                    retag(container.get("image").asText(), image));
                        }
                    }
                }
                retagImages(child, image);
            }
        } else if (node.isArray()) {
            node.forEach(child -> retagImages(child, image));
        }
    }

    static String retag(String reference, JsonNode image) {
        ImageRef ref = ImageRef.parse(reference);
        if (!ref.name().equals(image.path("name").asText())) {
            return reference;
        }
        String name = image.path("newName").asText(ref.name());
        if (image.has("digest")) {
            return name + "@" + image.get("digest").asText();
        }
        if (image.has("newTag")) {
            return name + ":" + image.get("newTag").asText();
        }
        return name + ref.suffix();
    }
}
