package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The kustomize overlays under k8s/overlays and how they are rendered here. */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");

    /** kubectl's output per overlay, kept for the test run: each render costs a process start. */
    private static final Map<String, String> KUBECTL_OUTPUT = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static Path directory(String overlay) {
        return Repo.path("k8s/overlays/" + overlay);
    }

    static String namespace(String overlay) {
        Path file = directory(overlay).resolve("kustomization.yaml");
        return Yaml.readOne(Repo.read(file), file.toString()).path("namespace").asText();
    }

    /** kustomize itself where kubectl has it, otherwise the Java renderer. */
    static List<ObjectNode> render(String overlay) {
        return Kubectl.available().isPresent() ? renderWithKubectl(overlay) : renderWithJava(overlay);
    }

    static List<ObjectNode> renderWithKubectl(String overlay) {
        String output = KUBECTL_OUTPUT.computeIfAbsent(overlay, o -> Kubectl.kustomize(directory(o)));
        return Yaml.readAll(output, "kubectl kustomize " + overlay);
    }

    static List<ObjectNode> renderWithJava(String overlay) {
        return JavaKustomize.render(directory(overlay));
    }

    /** {@code k8s/restore/}: the point-in-time recovery example (docs/deployment.md), not an overlay of its own. */
    static List<ObjectNode> renderRestore() {
        Path directory = Repo.path("k8s/restore");
        return Kubectl.available().isPresent()
                ? Yaml.readAll(KUBECTL_OUTPUT.computeIfAbsent("../restore", o -> Kubectl.kustomize(directory)),
                        "kubectl kustomize k8s/restore")
                : JavaKustomize.render(directory);
    }

    static String renderer() {
        return Kubectl.available().map(v -> "kubectl (" + v + ")").orElse("deploy-check's Java renderer");
    }
}
