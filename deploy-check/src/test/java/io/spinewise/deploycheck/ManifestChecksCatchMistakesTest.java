package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The checks are only worth something if they fail: each test breaks one thing in a correct
 * rendering (prod, through the Java renderer so the input is the same everywhere) and expects
 * the matching problem.
 */
class ManifestChecksCatchMistakesTest {

    private static final String NAMESPACE = "spinewise";

    @Test
    void theUnbrokenRenderingHasNoProblems() {
        assertThat(problemsAfter(docs -> { })).isEmpty();
    }

    @Test
    void aRecoveryThatWouldArchiveOverItsOwnSourceOrRunAnotherPostgresqlIsReported() {
        List<ObjectNode> prod = JavaKustomize.render(Repo.path("k8s/overlays/prod"));
        assertThat(RecoveryChecks.check(JavaKustomize.render(Repo.path("k8s/restore")), prod)).isEmpty();

        List<ObjectNode> restore = JavaKustomize.render(Repo.path("k8s/restore"));
        ObjectNode spec = (ObjectNode) restore.get(0).path("spec");
        ((ObjectNode) spec.path("plugins").get(0).path("parameters")).put("serverName", "spinewise-db");
        spec.put("imageName", "ghcr.io/cloudnative-pg/postgresql:17.6-system-trixie");
        ((ObjectNode) spec.path("bootstrap").path("recovery").path("recoveryTarget")).put("targetTime", "yesterday");

        assertThat(RecoveryChecks.check(restore, prod))
                .anySatisfy(p -> assertThat(p).contains("would archive its WAL as 'spinewise-db', over the backups"))
                .anySatisfy(p -> assertThat(p).contains("WAL replays only into the same PostgreSQL"))
                .anySatisfy(p -> assertThat(p).contains("targetTime 'yesterday' is not a time"));
    }

    @Test
    void missingReadinessProbeIsReported() {
        assertThat(problemsAfter(docs -> container(docs, "web-ui").remove("readinessProbe")))
                .anySatisfy(p -> assertThat(p).contains("web-ui").contains("has no readinessProbe"));
    }

    @Test
    void livenessProbeOnTheWrongPathIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) container(docs, "plan-service")
                .path("livenessProbe").path("httpGet")).put("path", "/q/health/ready")))
                .anySatisfy(p -> assertThat(p).contains("livenessProbe checks /q/health/ready"));
    }

    @Test
    void missingMemoryLimitIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) container(docs, "catalog-service")
                .path("resources").path("limits")).remove("memory")))
                .anySatisfy(p -> assertThat(p).contains("lacks resources.requests.memory or resources.limits.memory"));
    }

    @Test
    void latestImageTagIsReported() {
        assertThat(problemsAfter(docs -> container(docs, "web-ui").put("image", "ghcr.io/spinewise/web-ui:latest")))
                .anySatisfy(p -> assertThat(p).contains("is not pinned"));
        assertThat(problemsAfter(docs -> container(docs, "web-ui").put("image", "ghcr.io/spinewise/web-ui")))
                .anySatisfy(p -> assertThat(p).contains("is not pinned"));
    }

    @Test
    void serviceSelectingNoDeploymentIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "Service", "plan-service").path("spec").path("selector"))
                .put("app.kubernetes.io/name", "plan")))
                .anySatisfy(p -> assertThat(p).contains("Service/plan-service selects no Deployment"));
    }

    @Test
    void writableRootFilesystemIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) container(docs, "catalog-service").path("securityContext"))
                .put("readOnlyRootFilesystem", false)))
                .anySatisfy(p -> assertThat(p).contains("writable root filesystem"));
    }

    @Test
    void undocumentedSecretIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) container(docs, "web-ui").path("env").get(0)
                .path("valueFrom").path("secretKeyRef")).put("name", "nobody-created-this")))
                .anySatisfy(p -> assertThat(p).contains("needs Secret nobody-created-this"));
    }

    @Test
    void literalPasswordIsReported() {
        assertThat(problemsAfter(docs -> ((ArrayNode) container(docs, "plan-service").path("env"))
                .addObject().put("name", "QUARKUS_DATASOURCE_PASSWORD").put("value", "plan")))
                .anySatisfy(p -> assertThat(p).contains("QUARKUS_DATASOURCE_PASSWORD is a literal"));
    }

    @Test
    void committedSecretIsReported() {
        assertThat(problemsAfter(docs -> docs.add(doc("""
                apiVersion: v1
                kind: Secret
                metadata: {name: web-ui-session, namespace: spinewise}
                stringData: {encryption-secret: oops}
                """))))
                .anySatisfy(p -> assertThat(p).contains("Secrets are never committed"));
    }

    @Test
    void unknownKindIsReported() {
        assertThat(problemsAfter(docs -> docs.add(doc("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: cleanup, namespace: spinewise}
                """))))
                .anySatisfy(p -> assertThat(p).contains("unknown kind 'CronJob'"));
    }

    @Test
    void policyLettingEveryoneReachPlanServiceIsReported() {
        assertThat(problemsAfter(docs -> docs.add(doc("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: open-plan-service, namespace: spinewise}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: plan-service}}
                  ingress: [{}]
                """))))
                .anySatisfy(p -> assertThat(p).contains("let a pod of another namespace reach Deployment/plan-service:8082"))
                // Keycloak's egress is open, so only plan-service's ingress stood in its way.
                .anySatisfy(p -> assertThat(p).contains("let Keycloak/keycloak reach Deployment/plan-service:8082"))
                // catalog-service's own egress still stops it: a call needs both directions.
                .noneSatisfy(p -> assertThat(p).contains("let Deployment/catalog-service reach"));
    }

    @Test
    void callIsReportedOnlyWhenEgressAndIngressBothAllowIt() {
        Consumer<List<ObjectNode>> catalogEgressToPlan = docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "catalog-service-egress")
                .path("spec").path("egress")).add(doc("""
                to: [{podSelector: {matchLabels: {app.kubernetes.io/name: plan-service}}}]
                ports: [{port: 8082, protocol: TCP}]
                """));
        assertThat(problemsAfter(catalogEgressToPlan)).isEmpty();
        assertThat(problemsAfter(catalogEgressToPlan.andThen(docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "plan-service-from-web-ui")
                .path("spec").path("ingress").get(0).path("from"))
                .add(doc("podSelector: {matchLabels: {app.kubernetes.io/name: catalog-service}}")))))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/catalog-service reach Deployment/plan-service:8082"));
    }

    @Test
    void policyBlockingACallTheConfigurationMakesIsReported() {
        assertThat(problemsAfter(docs -> docs.removeIf(d -> "default-deny-ingress".equals(Yaml.name(d)))))
                .anySatisfy(p -> assertThat(p).contains("no default-deny NetworkPolicy"));
        assertThat(problemsAfter(docs -> docs.removeIf(d -> "catalog-service-from-callers".equals(Yaml.name(d)))))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/web-ui -> Deployment/catalog-service:8081"));
        assertThat(problemsAfter(docs -> {
            JsonNode peers = doc(docs, "NetworkPolicy", "catalog-service-from-callers")
                    .path("spec").path("ingress").get(0).path("from");
            ((ArrayNode) peers).remove(1);
        }))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/plan-service -> Deployment/catalog-service"));
    }

    @Test
    void missingDefaultDenyEgressIsReported() {
        assertThat(problemsAfter(docs -> docs.removeIf(d -> "default-deny-egress".equals(Yaml.name(d)))))
                .anySatisfy(p -> assertThat(p).contains("no default-deny egress NetworkPolicy").contains("Deployment/web-ui"));
    }

    @Test
    void egressWithoutDnsIsReported() {
        assertThat(problemsAfter(docs -> docs.removeIf(d -> "services-to-dns".equals(Yaml.name(d)))))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/web-ui -> kube-dns:53/UDP"))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/plan-service -> kube-dns:53"));
        assertThat(problemsAfter(docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "services-to-dns")
                .path("spec").path("egress").get(0).path("ports")).remove(0)))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/catalog-service -> kube-dns:53/UDP"));
    }

    @Test
    void missingDatabaseEgressIsReported() {
        assertThat(problemsAfter(docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "catalog-service-egress")
                .path("spec").path("egress")).remove(0)))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/catalog-service -> Cluster/spinewise-db:5432")
                        .contains("JDBC URL"));
    }

    @Test
    void egressToTheInternetIsReported() {
        assertThat(problemsAfter(docs -> docs.add(doc("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web-ui-anywhere, namespace: spinewise}
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: web-ui}}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]
                """))))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/web-ui reach the internet:443"))
                // The except list keeps the pod network out of the block.
                .noneSatisfy(p -> assertThat(p).contains("let Deployment/web-ui reach a pod of another namespace"));
        assertThat(problemsAfter(docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "plan-service-egress")
                .path("spec").path("egress")).addObject()))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/plan-service reach the internet:25"))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/plan-service reach a pod of another namespace"));
    }

    @Test
    void reminderEgressIsCheckedAgainstTheMailAndPushSettings() {
        // no egress to the configured relay port: reminder mails could not leave
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ConfigMap", "plan-service-config").path("data"))
                .put("QUARKUS_MAILER_PORT", "465")))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/plan-service -> the internet:465")
                        .contains("SMTP relay"));
        // without the VAPID keys nothing is pushed, so HTTPS to the outside is one opening too many
        assertThat(problemsAfter(docs -> {
            ArrayNode env = (ArrayNode) container(docs, "plan-service").path("env");
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).path("name").asText().startsWith("SPINEWISE_PUSH_VAPID_")) {
                    env.remove(i);
                }
            }
        })).anySatisfy(p -> assertThat(p).contains("let Deployment/plan-service reach the internet:443"));
        // only plan-service sends mail
        assertThat(problemsAfter(docs -> ((ArrayNode) doc(docs, "NetworkPolicy", "web-ui-egress")
                .path("spec").path("egress")).add(doc("ports: [{port: 587, protocol: TCP}]"))))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/web-ui reach the internet:587"));
    }

    @Test
    void webUiReachingTheDatabaseIsReported() {
        assertThat(problemsAfter(docs -> {
            ((ArrayNode) doc(docs, "NetworkPolicy", "web-ui-egress").path("spec").path("egress")).add(doc("""
                    to: [{podSelector: {matchLabels: {cnpg.io/cluster: spinewise-db}}}]
                    """));
            ((ArrayNode) doc(docs, "NetworkPolicy", "database-from-services").path("spec").path("ingress").get(0).path("from"))
                    .add(doc("podSelector: {matchLabels: {app.kubernetes.io/name: web-ui}}"));
        }))
                .anySatisfy(p -> assertThat(p).contains("let Deployment/web-ui reach Cluster/spinewise-db:5432"));
    }

    @Test
    void realmImportJobShutOutOfTheDatabaseIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "NetworkPolicy", "database-from-services")
                .path("spec").path("ingress").get(0).path("from").get(2).path("podSelector").path("matchLabels"))
                .put("app", "keycloak")))
                .anySatisfy(p -> assertThat(p).contains("block the realm-import Job of Keycloak/keycloak -> Cluster/spinewise-db:5432"));
    }

    @Test
    void blockedOrOverlyWidePrometheusScrapeIsReported() {
        assertThat(problemsAfter(docs -> docs.removeIf(d -> "services-from-prometheus".equals(Yaml.name(d)))))
                .anySatisfy(p -> assertThat(p).contains("block Prometheus -> Deployment/plan-service:8082"));
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "NetworkPolicy", "services-from-prometheus")
                .path("spec").path("ingress").get(0).path("from").get(0)).remove("podSelector")))
                .anySatisfy(p -> assertThat(p).contains("let a non-Prometheus pod of the monitoring namespace reach Deployment/plan-service"));
    }

    @Test
    void keycloakOpenToEveryoneIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "Keycloak", "keycloak").path("spec").path("networkPolicy"))
                .remove("http")))
                .anySatisfy(p -> assertThat(p).contains("let a pod of another namespace reach Keycloak/keycloak:8080"));
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "Keycloak", "keycloak").path("spec").path("networkPolicy"))
                .put("enabled", false)))
                .anySatisfy(p -> assertThat(p).contains("block Deployment/plan-service -> Keycloak/keycloak:8080"));
    }

    @Test
    void serviceMonitorScrapingTheWrongPortOrPathIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ServiceMonitor", "spinewise-services")
                .path("spec").path("endpoints").get(0)).put("port", "metrics").put("path", "/metrics")))
                .anySatisfy(p -> assertThat(p).contains("Service/plan-service has no port named metrics"))
                .anySatisfy(p -> assertThat(p).contains("scrapes /metrics, but the services serve /q/metrics"));
    }

    @Test
    void serviceMonitorScrapingThePortTheIngressExposesIsReported() {
        // web-ui's pages port is public: a scrape there would mean /q/metrics is served to the internet
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ServiceMonitor", "spinewise-web-ui")
                .path("spec").path("endpoints").get(0)).put("port", "http")))
                .anySatisfy(p -> assertThat(p).contains("scrapes Service/web-ui's port http, which an Ingress routes to"));
    }

    @Test
    void webUiMetricsPortOpenToAnyoneButPrometheusIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "NetworkPolicy", "web-ui-from-prometheus")
                .path("spec").path("ingress").get(0)).remove("from")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/web-ui:9080"));
    }

    @Test
    void localhostDefaultLeftInPlaceIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ConfigMap", "plan-service-config").path("data"))
                .remove("QUARKUS_REST_CLIENT_KEYCLOAK_ADMIN_URL")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/plan-service keeps quarkus.rest-client.keycloak-admin.url"));
    }

    @Test
    void misspeltOperatorFieldIsReported() {
        assertThat(problemsAfter(docs -> {
            ObjectNode hostname = (ObjectNode) doc(docs, "Keycloak", "keycloak").path("spec").path("hostname");
            hostname.set("backchannelDynamc", hostname.remove("backchannelDynamic"));
        }))
                .anySatisfy(p -> assertThat(p).contains("Keycloak/keycloak: spec.hostname.backchannelDynamc is not a field"));
    }

    @Test
    void keycloakOptionThatHasAFirstClassFieldIsReported() {
        assertThat(problemsAfter(docs -> ((ArrayNode) doc(docs, "Keycloak", "keycloak").path("spec").path("additionalOptions"))
                .add(doc("{name: db-pool-max-size, value: '20'}"))))
                .anySatisfy(p -> assertThat(p).contains("additionalOptions sets db-pool-max-size"));
    }

    @Test
    void issuerThatKeycloakDoesNotIssueIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ConfigMap", "web-ui-config").path("data"))
                .put("QUARKUS_OIDC_TOKEN_ISSUER", "http://localhost:8180/realms/clinic")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/web-ui: QUARKUS_OIDC_TOKEN_ISSUER"));
    }

    @Test
    void jdbcUrlToADatabaseNobodyCreatesIsReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "ConfigMap", "plan-service-config").path("data"))
                .put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://spinewise-db-rw:5432/plans")))
                .anySatisfy(p -> assertThat(p).contains("names database plans"));
    }

    @Test
    void serviceLoggingInAsAnotherServicesRoleIsReported() {
        assertThat(problemsAfter(docs -> container(docs, "catalog-service").path("env").forEach(env ->
                ((ObjectNode) env.path("valueFrom").path("secretKeyRef")).put("name", "plan-db"))))
                .anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: QUARKUS_DATASOURCE_PASSWORD comes from Secret plan-db")
                        .contains("database catalog (owned by catalog)"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: QUARKUS_FLYWAY_PASSWORD comes from Secret plan-db")
                        .contains("owns database catalog"));
    }

    @Test
    void serviceRunningAsItsDatabasesOwnerIsReported() {
        assertThat(problemsAfter(docs -> container(docs, "plan-service").path("env").forEach(env -> {
            if (env.path("name").asText().startsWith("QUARKUS_DATASOURCE_")) {
                ((ObjectNode) env.path("valueFrom").path("secretKeyRef")).put("name", "plan-db");
            }
        }))).anySatisfy(p -> assertThat(p).contains("Deployment/plan-service: QUARKUS_DATASOURCE_USERNAME comes from Secret"
                + " plan-db, not from plan-db-app"));
    }

    @Test
    void migrationsWithoutTheOwnersCredentialsAreReported() {
        assertThat(problemsAfter(docs -> {
            ArrayNode env = (ArrayNode) container(docs, "catalog-service").path("env");
            for (int i = env.size() - 1; i >= 0; i--) {
                if (env.get(i).path("name").asText().startsWith("QUARKUS_FLYWAY_")) {
                    env.remove(i);
                }
            }
        })).anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: QUARKUS_FLYWAY_USERNAME is not set"));
    }

    @Test
    void aRuntimeRoleWithPowersOrMembershipsIsReported() {
        assertThat(problemsAfter(docs -> {
            for (JsonNode role : doc(docs, "Cluster", "spinewise-db").path("spec").path("managed").path("roles")) {
                if ("plan_app".equals(role.path("name").asText())) {
                    ((ObjectNode) role).put("superuser", true);
                    ((ObjectNode) role).putArray("inRoles").add("plan");
                }
            }
        })).anySatisfy(p -> assertThat(p).contains("runtime role plan_app has superuser"))
                .anySatisfy(p -> assertThat(p).contains("runtime role plan_app is a member of"));
    }

    @Test
    void aServiceWithoutARuntimeRoleIsReported() {
        assertThat(problemsAfter(docs -> {
            ArrayNode roles = (ArrayNode) doc(docs, "Cluster", "spinewise-db").path("spec").path("managed").path("roles");
            for (int i = roles.size() - 1; i >= 0; i--) {
                if ("catalog_app".equals(roles.get(i).path("name").asText())) {
                    roles.remove(i);
                }
            }
        })).anySatisfy(p -> assertThat(p).contains("has no managed role catalog_app"));
    }

    @Test
    void connectionPoolsBeyondMaxConnectionsAreReported() {
        assertThat(problemsAfter(docs -> ((ObjectNode) doc(docs, "HorizontalPodAutoscaler", "plan-service").path("spec"))
                .put("maxReplicas", 30)))
                .anySatisfy(p -> assertThat(p).contains("connection pools at the HPA maxima need"));
    }

    @Test
    void javaRendererRefusesKustomizeFeaturesItDoesNotImplement() {
        assertThatThrownBy(() -> StrategicMerge.apply(doc("kind: Deployment"), doc("$patch: delete"), "Deployment"))
                .hasMessageContaining("not supported");
    }

    private static List<String> problemsAfter(Consumer<List<ObjectNode>> breakSomething) {
        List<ObjectNode> docs = new ArrayList<>(Overlays.renderWithJava("prod"));
        breakSomething.accept(docs);
        Set<String> external = ExternalNames.fromDeploymentGuide();
        return ManifestChecks.check(docs, NAMESPACE, external);
    }

    private static ObjectNode doc(String yaml) {
        return Yaml.readOne(yaml, "test");
    }

    private static ObjectNode doc(List<ObjectNode> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(Yaml.kind(d)) && name.equals(Yaml.name(d)))
                .findFirst().orElseThrow();
    }

    private static ObjectNode container(List<ObjectNode> docs, String deployment) {
        return (ObjectNode) doc(docs, "Deployment", deployment)
                .path("spec").path("template").path("spec").path("containers").get(0);
    }
}
