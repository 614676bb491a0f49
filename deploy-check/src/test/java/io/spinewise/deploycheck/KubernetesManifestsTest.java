package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Renders every overlay of k8s/ and checks each document (see ManifestChecks). */
class KubernetesManifestsTest {

    @BeforeAll
    static void sayWhichRendererRuns() {
        System.out.println("deploy-check renders k8s/ with " + Overlays.renderer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayPassesEveryStructuralCheck(String overlay) {
        List<ObjectNode> docs = Overlays.render(overlay);

        List<String> problems = ManifestChecks.check(docs, Overlays.namespace(overlay),
                ExternalNames.fromDeploymentGuide());

        assertThat(problems).as("problems in overlay " + overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void javaRendererAgreesWithKubectl(String overlay) {
        assumeTrue(Kubectl.available().isPresent(), "kubectl with kustomize v4+ is not installed");

        Map<String, JsonNode> kubectl = byId(Overlays.renderWithKubectl(overlay));
        Map<String, JsonNode> java = byId(Overlays.renderWithJava(overlay));

        assertThat(java.keySet()).isEqualTo(kubectl.keySet());
        kubectl.forEach((id, doc) -> assertThat(java.get(id)).as(id).isEqualTo(doc));
    }

    @Test
    void overlaysAreTheOnesTheChecksKnow() {
        assertThat(Repo.path("k8s/overlays").toFile().list()).containsExactlyInAnyOrderElementsOf(Overlays.NAMES);
    }

    @Test
    void prodRunsAPrimaryWithTwoReplicasAndContinuousBackups() {
        List<ObjectNode> docs = Overlays.render("prod");

        ObjectNode cluster = only(docs, "Cluster");
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        JsonNode archiver = cluster.path("spec").path("plugins").get(0);
        assertThat(archiver.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(archiver.path("isWALArchiver").asBoolean()).isTrue();
        assertThat(only(docs, "ObjectStore").path("spec").path("retentionPolicy").asText()).isNotEmpty();
        assertThat(only(docs, "ScheduledBackup").path("spec").path("method").asText()).isEqualTo("plugin");
        assertThat(only(docs, "Keycloak").path("spec").path("instances").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theRestoreExampleRecoversProdsOwnArchiveIntoAClusterTheServicesFind() {
        List<ObjectNode> restore = Overlays.renderRestore();

        assertThat(RecoveryChecks.check(restore, Overlays.render("prod"))).as("problems in k8s/restore").isEmpty();
        ObjectNode cluster = only(restore, "Cluster");
        assertThat(cluster.path("metadata").path("namespace").asText()).isEqualTo(Overlays.namespace("prod"));
        assertThat(cluster.path("spec").path("bootstrap").path("recovery").path("recoveryTarget").path("targetTime")
                .asText()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyWebUiReplicaReadsTheSameSessionEncryptionSecret(String overlay) {
        ObjectNode webUi = Overlays.render(overlay).stream()
                .filter(d -> "Deployment".equals(Yaml.kind(d)) && "web-ui".equals(Yaml.name(d)))
                .findFirst().orElseThrow();

        JsonNode env = webUi.path("spec").path("template").path("spec").path("containers").get(0).path("env");
        JsonNode secret = null;
        for (JsonNode variable : env) {
            if ("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET".equals(variable.path("name").asText())) {
                secret = variable.path("valueFrom").path("secretKeyRef");
            }
        }
        // One Secret referenced by the pod template is, by construction, one key for all replicas.
        assertThat(secret).as("session encryption secret of web-ui").isNotNull();
        assertThat(secret.path("name").asText()).isEqualTo("web-ui-session");
    }

    /** catalog-service's and plan-service's ports (metrics, health) are never routed from outside. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressRoutesOnlyToWebUiAndKeycloak(String overlay) {
        List<String> backends = Overlays.render(overlay).stream().filter(d -> "Ingress".equals(Yaml.kind(d)))
                .flatMap(ingress -> ingress.path("spec").path("rules").findValues("service").stream())
                .map(service -> service.path("name").asText())
                .toList();

        assertThat(backends).isNotEmpty().allMatch(name -> name.equals("web-ui") || name.equals("keycloak-service"));
    }

    static ObjectNode only(List<ObjectNode> docs, String kind) {
        List<ObjectNode> matching = docs.stream().filter(d -> kind.equals(Yaml.kind(d))).toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, JsonNode> byId(List<ObjectNode> docs) {
        return docs.stream().collect(Collectors.toMap(
                d -> Yaml.id(d) + "@" + d.path("metadata").path("namespace").asText(),
                d -> d, (a, b) -> a, TreeMap::new));
    }
}
