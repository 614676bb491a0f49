package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spinewise.deploycheck.NetworkReachability.Pod;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Structural checks of one rendered overlay. Every check adds a readable problem instead of
 * stopping at the first, so one run lists everything that is wrong.
 */
final class ManifestChecks {

    /** The kinds k8s/ may contain, each with the one API version the checks know. */
    static final Map<String, String> KNOWN_KINDS = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"),
            Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("ScheduledBackup", "postgresql.cnpg.io/v1"),
            Map.entry("ObjectStore", "barmancloud.cnpg.io/v1"),
            Map.entry("ServiceMonitor", "monitoring.coreos.com/v1"),
            Map.entry("PrometheusRule", "monitoring.coreos.com/v1"),
            // v2beta1 is the stored version since operator 26.6; v2alpha1 is deprecated.
            Map.entry("Keycloak", "k8s.keycloak.org/v2beta1"),
            Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2beta1"));

    /**
     * Keycloak options the operator maps from first-class fields of the Keycloak resource
     * (KeycloakDistConfigurator): given as additionalOptions instead, the operator only
     * reports a warning in the resource's status.
     */
    private static final Set<String> KEYCLOAK_FIRST_CLASS_OPTIONS = Set.of("db", "db-username", "db-password",
            "db-url-database", "db-url-host", "db-url-port", "db-schema", "db-url", "db-pool-initial-size",
            "db-pool-min-size", "db-pool-max-size", "hostname", "hostname-admin", "hostname-strict",
            "hostname-backchannel-dynamic", "http-enabled", "http-port", "https-port", "proxy-headers", "features",
            "features-disabled", "transaction-xa-enabled", "http-management-port", "cache-config-file");

    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    /** Environment variable names whose value must come from a Secret, never a literal. */
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|SECRET|CREDENTIAL|PRIVATE_KEY).*");
    private static final Pattern URL_HOST = Pattern.compile("(?:https?|jdbc:postgresql)://([a-z0-9.-]+)(?::(\\d+))?");
    private static final String REALM = "clinic";

    private final List<ObjectNode> docs;
    private final String namespace;
    private final Set<String> externalNames;
    private final List<String> problems = new ArrayList<>();

    private ManifestChecks(List<ObjectNode> docs, String namespace, Set<String> externalNames) {
        this.docs = docs;
        this.namespace = namespace;
        this.externalNames = externalNames;
    }

    /**
     * @param namespace the namespace every namespaced document must carry
     * @param externalNames Secrets and ConfigMaps created outside k8s/ (docs/deployment.md)
     */
    static List<String> check(List<ObjectNode> docs, String namespace, Set<String> externalNames) {
        ManifestChecks checks = new ManifestChecks(docs, namespace, externalNames);
        checks.run();
        return checks.problems;
    }

    private void run() {
        if (docs.isEmpty()) {
            problem("the overlay rendered no documents");
            return;
        }
        kindsAndIdentity();
        images();
        deployments();
        services();
        autoscalers();
        disruptionBudgets();
        references();
        ingresses();
        database();
        keycloak();
        operatorFields();
        localDefaultsOverridden();
        serviceMonitors();
        networkPolicies();
    }

    private void problem(String text) {
        problems.add(text);
    }

    private List<ObjectNode> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(Yaml.kind(d))).toList();
    }

    private Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(d -> name.equals(Yaml.name(d))).findFirst();
    }

    // --- every document -------------------------------------------------------------------

    private void kindsAndIdentity() {
        Set<String> ids = new HashSet<>();
        for (ObjectNode doc : docs) {
            String kind = Yaml.kind(doc);
            String expectedVersion = KNOWN_KINDS.get(kind);
            if (expectedVersion == null) {
                problem("unknown kind '" + kind + "' (" + Yaml.id(doc) + "); add it to KNOWN_KINDS with its checks");
            } else if (!expectedVersion.equals(doc.path("apiVersion").asText())) {
                problem(Yaml.id(doc) + " has apiVersion " + doc.path("apiVersion").asText()
                        + ", expected " + expectedVersion);
            }
            if (Yaml.name(doc).isEmpty()) {
                problem("a " + kind + " has no metadata.name");
            }
            if (!ids.add(Yaml.id(doc))) {
                problem(Yaml.id(doc) + " is defined twice");
            }
            String docNamespace = doc.path("metadata").path("namespace").asText("");
            if ("Namespace".equals(kind)) {
                if (!Yaml.name(doc).equals(namespace)) {
                    problem("Namespace " + Yaml.name(doc) + " is not the overlay's namespace " + namespace);
                }
            } else if (!namespace.equals(docNamespace)) {
                problem(Yaml.id(doc) + " is in namespace '" + docNamespace + "', expected " + namespace);
            }
            if ("Secret".equals(kind)) {
                problem(Yaml.id(doc) + ": Secrets are never committed; create it outside k8s/ and list it in "
                        + "docs/deployment.md");
            }
        }
    }

    /** Any image or imageName anywhere (containers, operator resources) must be pinned. */
    private void images() {
        for (ObjectNode doc : docs) {
            walk(doc, (key, value) -> {
                if (("image".equals(key) || "imageName".equals(key)) && value.isTextual()) {
                    if (!ImageRef.parse(value.asText()).pinned()) {
                        problem(Yaml.id(doc) + ": image " + value.asText()
                                + " is not pinned (a tag other than 'latest', or a digest)");
                    }
                }
            });
        }
    }

    // --- workloads --------------------------------------------------------------------------

    private void deployments() {
        for (ObjectNode deployment : ofKind("Deployment")) {
            String id = Yaml.id(deployment);
            JsonNode spec = deployment.path("spec");
            Map<String, String> podLabels = podLabels(deployment);
            JsonNode selector = spec.path("selector");
            if (selector.path("matchLabels").isEmpty() || !Selectors.selects(selector, podLabels)) {
                problem(id + ": spec.selector must be non-empty and match the pod template's labels");
            }
            boolean autoscaled = ofKind("HorizontalPodAutoscaler").stream()
                    .anyMatch(h -> Yaml.name(deployment).equals(h.path("spec").path("scaleTargetRef").path("name").asText()));
            if (!autoscaled) {
                problem(id + " has no HorizontalPodAutoscaler");
            } else if (spec.has("replicas")) {
                problem(id + " sets spec.replicas although an HPA owns the count (every apply would reset it)");
            }
            JsonNode podSpec = spec.path("template").path("spec");
            JsonNode containers = podSpec.path("containers");
            if (containers.isEmpty()) {
                problem(id + " has no containers");
            }
            boolean podNonRoot = podSpec.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (JsonNode container : containers) {
                container(id, container, podNonRoot);
            }
        }
    }

    private void container(String id, JsonNode container, boolean podNonRoot) {
        String where = id + " container " + container.path("name").asText();
        Set<String> portNames = new HashSet<>();
        Set<Integer> portNumbers = new HashSet<>();
        for (JsonNode port : container.path("ports")) {
            portNames.add(port.path("name").asText());
            portNumbers.add(port.path("containerPort").asInt());
        }
        PROBE_PATHS.forEach((probe, path) -> {
            JsonNode httpGet = container.path(probe).path("httpGet");
            if (httpGet.isMissingNode()) {
                problem(where + " has no " + probe + " (httpGet " + path + ")");
                return;
            }
            if (!path.equals(httpGet.path("path").asText())) {
                problem(where + ": " + probe + " checks " + httpGet.path("path").asText() + ", expected " + path);
            }
            JsonNode port = httpGet.path("port");
            if (!(port.isInt() ? portNumbers.contains(port.asInt()) : portNames.contains(port.asText()))) {
                problem(where + ": " + probe + " uses port " + port.asText() + ", which the container does not declare");
            }
        });
        JsonNode resources = container.path("resources");
        for (String resource : List.of("cpu", "memory")) {
            String request = resources.path("requests").path(resource).asText(null);
            String limit = resources.path("limits").path(resource).asText(null);
            if (request == null || limit == null) {
                problem(where + " lacks resources.requests." + resource + " or resources.limits." + resource);
            } else if (Quantity.parse(limit) < Quantity.parse(request)) {
                problem(where + ": " + resource + " limit " + limit + " is below its request " + request);
            }
        }
        JsonNode security = container.path("securityContext");
        if (!podNonRoot && !security.path("runAsNonRoot").asBoolean(false)) {
            problem(where + " may run as root (set runAsNonRoot: true)");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            problem(where + " has a writable root filesystem (readOnlyRootFilesystem: true)");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            problem(where + " allows privilege escalation (allowPrivilegeEscalation: false)");
        }
        boolean dropsAll = false;
        for (JsonNode capability : security.path("capabilities").path("drop")) {
            dropsAll |= "ALL".equals(capability.asText());
        }
        if (!dropsAll) {
            problem(where + " keeps Linux capabilities (capabilities.drop: [ALL])");
        }
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (SECRET_LIKE.matcher(name).matches() && env.has("value")) {
                problem(where + ": " + name + " is a literal; take it from a Secret (valueFrom.secretKeyRef)");
            }
        }
    }

    private static Map<String, String> podLabels(JsonNode deployment) {
        return Selectors.labels(deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    private List<ObjectNode> deploymentsSelectedBy(JsonNode selector, boolean plainMap) {
        return ofKind("Deployment").stream()
                .filter(d -> plainMap ? Selectors.mapSelects(selector, podLabels(d)) : Selectors.selects(selector, podLabels(d)))
                .toList();
    }

    private void services() {
        for (ObjectNode service : ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            List<ObjectNode> targets = selector.isEmpty() ? List.of() : deploymentsSelectedBy(selector, true);
            if (targets.isEmpty()) {
                problem(Yaml.id(service) + " selects no Deployment's pod labels (selector " + selector + ")");
                continue;
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
                for (ObjectNode deployment : targets) {
                    if (!declaresPort(deployment, target)) {
                        problem(Yaml.id(service) + ": targetPort " + target.asText() + " is not a port of "
                                + Yaml.id(deployment));
                    }
                }
            }
        }
        for (ObjectNode deployment : ofKind("Deployment")) {
            boolean served = ofKind("Service").stream().anyMatch(s -> !s.path("spec").path("selector").isEmpty()
                    && Selectors.mapSelects(s.path("spec").path("selector"), podLabels(deployment)));
            if (!served) {
                problem(Yaml.id(deployment) + " has no Service");
            }
        }
    }

    private static boolean declaresPort(JsonNode deployment, JsonNode port) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode declared : container.path("ports")) {
                if (port.isInt() ? declared.path("containerPort").asInt() == port.asInt()
                        : port.asText().equals(declared.path("name").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private void autoscalers() {
        for (ObjectNode hpa : ofKind("HorizontalPodAutoscaler")) {
            JsonNode spec = hpa.path("spec");
            JsonNode target = spec.path("scaleTargetRef");
            if (!"Deployment".equals(target.path("kind").asText())
                    || find("Deployment", target.path("name").asText()).isEmpty()) {
                problem(Yaml.id(hpa) + " scales " + target.path("kind").asText() + "/" + target.path("name").asText()
                        + ", which is not a Deployment of this overlay");
            }
            int min = spec.path("minReplicas").asInt(1);
            int max = spec.path("maxReplicas").asInt(0);
            if (min < 1 || max < min) {
                problem(Yaml.id(hpa) + ": needs 1 <= minReplicas <= maxReplicas, has " + min + ".." + max);
            }
            if (spec.path("metrics").isEmpty()) {
                problem(Yaml.id(hpa) + " has no metrics to scale on");
            }
        }
    }

    private void disruptionBudgets() {
        for (ObjectNode pdb : ofKind("PodDisruptionBudget")) {
            if (deploymentsSelectedBy(pdb.path("spec").path("selector"), false).isEmpty()
                    || pdb.path("spec").path("selector").isEmpty()) {
                problem(Yaml.id(pdb) + " selects no Deployment's pods");
            }
        }
        for (ObjectNode deployment : ofKind("Deployment")) {
            boolean covered = ofKind("PodDisruptionBudget").stream()
                    .anyMatch(p -> !p.path("spec").path("selector").isEmpty()
                            && Selectors.selects(p.path("spec").path("selector"), podLabels(deployment)));
            if (!covered) {
                problem(Yaml.id(deployment) + " has no PodDisruptionBudget");
            }
        }
    }

    // --- references between documents --------------------------------------------------------

    /** Every Secret or ConfigMap named anywhere exists in the rendering or is documented as external. */
    private void references() {
        for (ObjectNode doc : docs) {
            Set<String> secrets = new LinkedHashSet<>();
            Set<String> configMaps = new LinkedHashSet<>();
            // A realm import carries a whole realm, whose "secret" fields are client secrets,
            // not references; only its placeholders name Secrets.
            JsonNode scope = "KeycloakRealmImport".equals(Yaml.kind(doc)) ? Yaml.at(doc, "spec.placeholders") : doc;
            collectReferences(scope, secrets, configMaps);
            for (String secret : secrets) {
                if (!externalNames.contains(secret)) {
                    problem(Yaml.id(doc) + " needs Secret " + secret
                            + ", which is neither rendered nor listed in docs/deployment.md");
                }
            }
            for (String configMap : configMaps) {
                if (find("ConfigMap", configMap).isEmpty() && !externalNames.contains(configMap)) {
                    problem(Yaml.id(doc) + " needs ConfigMap " + configMap
                            + ", which is neither rendered nor listed in docs/deployment.md");
                }
            }
        }
        for (ObjectNode configMap : ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> {
                if (SECRET_LIKE.matcher(key).matches()) {
                    problem(Yaml.id(configMap) + " holds " + key + "; secrets belong in a Secret");
                }
            });
        }
    }

    /**
     * The fields through which Kubernetes and the two operators name a Secret or a ConfigMap:
     * secretKeyRef/secretRef/secretName, the operators' *Secret fields and "secret" objects,
     * CloudNativePG's s3Credentials, and configMapKeyRef/configMapRef/configMap.
     */
    static void collectReferences(JsonNode node, Set<String> secrets, Set<String> configMaps) {
        walk(node, (key, value) -> {
            String objectName = value.isObject() ? value.path("name").asText(null) : null;
            if (("secretKeyRef".equals(key) || "secretRef".equals(key) || "secret".equals(key)
                    || key.endsWith("Secret") || "accessKeyId".equals(key) || "secretAccessKey".equals(key))
                    && objectName != null) {
                secrets.add(objectName);
            } else if (("secretName".equals(key) || key.endsWith("Secret")) && value.isTextual()) {
                secrets.add(value.asText());
            } else if (("configMapKeyRef".equals(key) || "configMapRef".equals(key) || "configMap".equals(key))
                    && objectName != null) {
                configMaps.add(objectName);
            }
        });
    }

    private void ingresses() {
        for (ObjectNode ingress : ofKind("Ingress")) {
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                if (tls.path("secretName").asText("").isEmpty()) {
                    problem(Yaml.id(ingress) + ": a tls entry has no secretName");
                }
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                String host = rule.path("host").asText("");
                if (!tlsHosts.contains(host)) {
                    problem(Yaml.id(ingress) + ": host '" + host + "' is served without TLS");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    String serviceName = backend.path("name").asText();
                    Optional<ObjectNode> service = find("Service", serviceName);
                    if (service.isPresent()) {
                        JsonNode port = backend.path("port");
                        boolean known = false;
                        for (JsonNode declared : service.get().path("spec").path("ports")) {
                            known |= port.has("number") ? declared.path("port").asInt() == port.path("number").asInt()
                                    : port.path("name").asText().equals(declared.path("name").asText());
                        }
                        if (!known) {
                            problem(Yaml.id(ingress) + ": Service " + serviceName + " has no port " + port);
                        }
                    } else if (!operatorServices().contains(serviceName)) {
                        problem(Yaml.id(ingress) + " routes to Service " + serviceName + ", which does not exist");
                    }
                }
            }
        }
    }

    /** Services the operators create: "<keycloak>-service" and "<cluster>-rw|-ro|-r". */
    private Set<String> operatorServices() {
        Set<String> names = new HashSet<>();
        ofKind("Keycloak").forEach(k -> names.add(Yaml.name(k) + "-service"));
        ofKind("Cluster").forEach(c -> {
            names.add(Yaml.name(c) + "-rw");
            names.add(Yaml.name(c) + "-ro");
            names.add(Yaml.name(c) + "-r");
        });
        return names;
    }

    // --- operators and configuration consistency ----------------------------------------------

    private Set<String> databasesOf(String cluster) {
        Set<String> databases = new HashSet<>();
        find("Cluster", cluster).ifPresent(c ->
                Yaml.text(c, "spec.bootstrap.initdb.database").ifPresent(databases::add));
        ofKind("Database").stream()
                .filter(d -> cluster.equals(Yaml.text(d, "spec.cluster.name").orElse("")))
                .forEach(d -> Yaml.text(d, "spec.name").ifPresent(databases::add));
        return databases;
    }

    private Set<String> rolesOf(ObjectNode cluster) {
        Set<String> roles = new HashSet<>();
        Yaml.text(cluster, "spec.bootstrap.initdb.owner").ifPresent(roles::add);
        for (JsonNode role : Yaml.at(cluster, "spec.managed.roles")) {
            roles.add(role.path("name").asText());
        }
        return roles;
    }

    private void database() {
        for (ObjectNode database : ofKind("Database")) {
            String cluster = Yaml.text(database, "spec.cluster.name").orElse("");
            Optional<ObjectNode> owner = find("Cluster", cluster);
            if (owner.isEmpty()) {
                problem(Yaml.id(database) + " belongs to Cluster '" + cluster + "', which does not exist");
            } else if (!rolesOf(owner.get()).contains(Yaml.text(database, "spec.owner").orElse(""))) {
                problem(Yaml.id(database) + ": owner " + Yaml.text(database, "spec.owner").orElse("?")
                        + " is not a role of Cluster " + cluster);
            }
        }
        for (ObjectNode backup : ofKind("ScheduledBackup")) {
            String cluster = Yaml.text(backup, "spec.cluster.name").orElse("");
            if (find("Cluster", cluster).isEmpty()) {
                problem(Yaml.id(backup) + " backs up Cluster '" + cluster + "', which does not exist");
            }
        }
        for (ObjectNode cluster : ofKind("Cluster")) {
            for (JsonNode plugin : Yaml.at(cluster, "spec.plugins")) {
                String store = plugin.path("parameters").path("barmanObjectName").asText(null);
                if (store != null && find("ObjectStore", store).isEmpty()) {
                    problem(Yaml.id(cluster) + " archives to ObjectStore " + store + ", which does not exist");
                }
            }
        }
        for (ObjectNode cluster : ofKind("Cluster")) {
            connectionBudget(cluster);
        }
        // Every JDBC URL names an operator Service of an existing Cluster and one of its databases.
        effectiveConfigs().forEach((deployment, config) -> config.forEach((key, value) -> {
            Matcher m = Pattern.compile("jdbc:postgresql://([a-z0-9.-]+)(?::\\d+)?/([a-z0-9_]+)").matcher(value);
            if (m.find()) {
                String host = m.group(1);
                String cluster = host.replaceFirst("-(rw|ro|r)$", "");
                if (host.equals(cluster) || find("Cluster", cluster).isEmpty()) {
                    problem(deployment + ": " + key + " points at " + host + ", not at a Cluster's -rw/-ro/-r Service");
                } else if (!databasesOf(cluster).contains(m.group(2))) {
                    problem(deployment + ": " + key + " names database " + m.group(2) + ", which Cluster "
                            + cluster + " does not create");
                } else {
                    ownCredentials(deployment, find("Cluster", cluster).get(), m.group(2));
                }
            }
        }));
    }

    /**
     * All databases share one Cluster, so no NetworkPolicy can keep catalog-service away from
     * plan's database: PostgreSQL's roles do. A service runs its migrations with the Secret of its
     * own database's owner role ({@code QUARKUS_FLYWAY_*}) and connects at run time with the Secret of
     * that owner's runtime role {@code <owner>_app} ({@code QUARKUS_DATASOURCE_*}): a managed role
     * without any special attribute or membership, so the service's connections own nothing.
     */
    private void ownCredentials(String deployment, ObjectNode cluster, String database) {
        String owner = ownerOf(cluster, database);
        String ownerSecret = secretOfRole(cluster, owner);
        String runtime = owner + "_app";
        String runtimeSecret = secretOfRole(cluster, runtime);
        runtimeRole(cluster, runtime, database);
        find("Deployment", deployment.substring("Deployment/".length())).ifPresent(d -> {
            for (JsonNode container : Yaml.at(d, "spec.template.spec.containers")) {
                Set<String> variables = new LinkedHashSet<>();
                for (JsonNode env : container.path("env")) {
                    String variable = env.path("name").asText();
                    variables.add(variable);
                    String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                    if (variable.startsWith("QUARKUS_DATASOURCE_") && secret != null && !secret.equals(runtimeSecret)) {
                        problem(deployment + ": " + variable + " comes from Secret " + secret + ", not from "
                                + runtimeSecret + ", the Secret of role " + runtime + " that runs the service on database "
                                + database + " (owned by " + owner + ")");
                    }
                    if (variable.startsWith("QUARKUS_FLYWAY_") && secret != null && !secret.equals(ownerSecret)) {
                        problem(deployment + ": " + variable + " comes from Secret " + secret + ", not from " + ownerSecret
                                + ", the Secret of role " + owner + " that owns database " + database);
                    }
                }
                for (String needed : List.of("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD")) {
                    if (!variables.contains(needed)) {
                        problem(deployment + ": " + needed + " is not set, so the migrations would run as the runtime"
                                + " role, which may not change the schema");
                    }
                }
            }
        });
    }

    /** The runtime role exists as a managed role that can log in and has no attribute beyond that. */
    private void runtimeRole(ObjectNode cluster, String runtime, String database) {
        Optional<JsonNode> role = stream(Yaml.at(cluster, "spec.managed.roles"))
                .filter(r -> runtime.equals(r.path("name").asText())).findFirst();
        if (role.isEmpty()) {
            problem(Yaml.id(cluster) + " has no managed role " + runtime + " for the service on database " + database);
            return;
        }
        for (String attribute : List.of("superuser", "createdb", "createrole", "bypassrls", "replication")) {
            if (role.get().path(attribute).asBoolean(false)) {
                problem(Yaml.id(cluster) + ": runtime role " + runtime + " has " + attribute);
            }
        }
        if (!role.get().path("inRoles").isEmpty()) {
            problem(Yaml.id(cluster) + ": runtime role " + runtime + " is a member of " + role.get().path("inRoles")
                    + ", whose rights it would hold");
        }
    }

    /** The owner role of a database: initdb's for the first one, the Database resource's otherwise. */
    private String ownerOf(ObjectNode cluster, String database) {
        if (database.equals(Yaml.text(cluster, "spec.bootstrap.initdb.database").orElse(""))) {
            return Yaml.text(cluster, "spec.bootstrap.initdb.owner").orElse(database);
        }
        return ofKind("Database").stream().filter(d -> database.equals(Yaml.text(d, "spec.name").orElse("")))
                .map(d -> Yaml.text(d, "spec.owner").orElse("")).findFirst().orElse("?");
    }

    /** The Secret holding a role's password: initdb's secret for its owner, else the managed role's. */
    private static String secretOfRole(ObjectNode cluster, String role) {
        if (role.equals(Yaml.text(cluster, "spec.bootstrap.initdb.owner").orElse(null))) {
            return Yaml.text(cluster, "spec.bootstrap.initdb.secret.name").orElse("?");
        }
        return stream(Yaml.at(cluster, "spec.managed.roles")).filter(r -> role.equals(r.path("name").asText()))
                .map(r -> r.path("passwordSecret").path("name").asText()).findFirst().orElse("?");
    }

    /**
     * At the HPA maxima, the pools of every client of the cluster (pods x pool size, Quarkus'
     * default 20, Keycloak's 100) must fit into max_connections, less a reserve for the
     * superuser, replication and the operator.
     */
    private void connectionBudget(ObjectNode cluster) {
        int reserve = 10;
        int maxConnections = Integer.parseInt(Yaml.text(cluster, "spec.postgresql.parameters.max_connections").orElse("100"));
        Set<String> hosts = Set.of(Yaml.name(cluster) + "-rw", Yaml.name(cluster) + "-ro", Yaml.name(cluster) + "-r");
        int demand = 0;
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Map<String, String>> entry : effectiveConfigs().entrySet()) {
            boolean uses = entry.getValue().values().stream()
                    .anyMatch(v -> v.startsWith("jdbc:") && hostsIn(v).stream().anyMatch(hosts::contains));
            if (uses) {
                String name = entry.getKey().substring("Deployment/".length());
                int pods = ofKind("HorizontalPodAutoscaler").stream()
                        .filter(h -> name.equals(Yaml.text(h, "spec.scaleTargetRef.name").orElse("")))
                        .mapToInt(h -> h.path("spec").path("maxReplicas").asInt(1)).max().orElse(1);
                int pool = Integer.parseInt(entry.getValue().getOrDefault("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20"));
                demand += pods * pool;
                parts.append(' ').append(name).append(' ').append(pods).append('x').append(pool);
            }
        }
        for (ObjectNode keycloak : ofKind("Keycloak")) {
            if (hosts.contains(Yaml.text(keycloak, "spec.db.host").orElse(""))) {
                // Keycloak's default pool is 100 per pod.
                int pool = Yaml.at(keycloak, "spec.db.poolMaxSize").asInt(100);
                int pods = keycloak.path("spec").path("instances").asInt(1);
                demand += pods * pool;
                parts.append(' ').append(Yaml.name(keycloak)).append(' ').append(pods).append('x').append(pool);
            }
        }
        if (demand > maxConnections - reserve) {
            problem(Yaml.id(cluster) + ": connection pools at the HPA maxima need " + demand + " (" + parts.toString().trim()
                    + "), more than max_connections " + maxConnections + " less " + reserve + " reserved");
        }
    }

    private void keycloak() {
        List<ObjectNode> keycloaks = ofKind("Keycloak");
        for (ObjectNode realmImport : ofKind("KeycloakRealmImport")) {
            String target = Yaml.text(realmImport, "spec.keycloakCRName").orElse("");
            if (find("Keycloak", target).isEmpty()) {
                problem(Yaml.id(realmImport) + " imports into Keycloak '" + target + "', which does not exist");
            }
            if (!REALM.equals(Yaml.text(realmImport, "spec.realm.realm").orElse(""))) {
                problem(Yaml.id(realmImport) + " does not import the realm '" + REALM + "'");
            }
        }
        for (ObjectNode keycloak : keycloaks) {
            String host = Yaml.text(keycloak, "spec.db.host").orElse("");
            String cluster = host.replaceFirst("-(rw|ro|r)$", "");
            if (find("Cluster", cluster).isEmpty()
                    || !databasesOf(cluster).contains(Yaml.text(keycloak, "spec.db.database").orElse(""))) {
                problem(Yaml.id(keycloak) + ": database " + host + "/" + Yaml.text(keycloak, "spec.db.database").orElse("?")
                        + " is not created by a Cluster of this overlay");
            }
            if (Yaml.text(keycloak, "spec.hostname.hostname").filter(h -> h.startsWith("https://")).isEmpty()) {
                problem(Yaml.id(keycloak) + ": spec.hostname.hostname must be the public https URL (it fixes the issuer)");
            }
            for (JsonNode option : Yaml.at(keycloak, "spec.additionalOptions")) {
                if (KEYCLOAK_FIRST_CLASS_OPTIONS.contains(option.path("name").asText())) {
                    problem(Yaml.id(keycloak) + ": additionalOptions sets " + option.path("name").asText()
                            + ", which the operator wants as a first-class field of the resource");
                }
            }
        }
        if (keycloaks.size() != 1) {
            problem("expected exactly one Keycloak, found " + keycloaks.size());
            return;
        }
        ObjectNode keycloak = keycloaks.get(0);
        String publicUrl = Yaml.text(keycloak, "spec.hostname.hostname").orElse("");
        String issuer = publicUrl + "/realms/" + REALM;
        String internalService = Yaml.name(keycloak) + "-service";
        effectiveConfigs().forEach((deployment, config) -> {
            String configured = config.get("QUARKUS_OIDC_TOKEN_ISSUER");
            if (config.containsKey("QUARKUS_OIDC_AUTH_SERVER_URL") && !issuer.equals(configured)) {
                problem(deployment + ": QUARKUS_OIDC_TOKEN_ISSUER is " + configured + ", but Keycloak issues " + issuer);
            }
            for (String key : List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL")) {
                String url = config.get(key);
                if (url != null && !url.equals("http://" + internalService + ":8080/realms/" + REALM)) {
                    problem(deployment + ": " + key + " is " + url + ", expected http://" + internalService
                            + ":8080/realms/" + REALM);
                }
            }
        });
        String publicHost = URI.create(publicUrl.isEmpty() ? "https://missing" : publicUrl).getHost();
        boolean routed = ofKind("Ingress").stream().flatMap(i -> stream(i.path("spec").path("rules")))
                .anyMatch(rule -> publicHost.equals(rule.path("host").asText())
                        && stream(rule.path("http").path("paths"))
                                .anyMatch(p -> internalService.equals(p.path("backend").path("service").path("name").asText())));
        if (!routed) {
            problem("no Ingress routes Keycloak's public host " + publicHost + " to " + internalService);
        }
    }

    /** The operators' resources use only fields their APIs define (operator-fields.yaml). */
    private void operatorFields() {
        docs.forEach(doc -> OperatorFields.check(doc).forEach(this::problem));
    }

    /** Every localhost setting of a service's application.properties is overridden for the cluster. */
    private void localDefaultsOverridden() {
        effectiveConfigs().forEach((deployment, config) ->
                LocalDefaults.of(deployment.substring("Deployment/".length())).forEach((variable, setting) -> {
                    if (!config.containsKey(variable)) {
                        problem(deployment + " keeps " + setting + " from application.properties; set " + variable
                                + " in its ConfigMap");
                    }
                }));
    }

    // --- who may connect to whom ---------------------------------------------------------------

    /**
     * Parts of the cluster outside the overlay, where docs/deployment.md says they run. An
     * overlay that moves one (another ingress controller, another monitoring namespace) changes
     * it here too.
     */
    static final Pod INGRESS_CONTROLLER = new Pod("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    static final Pod PROMETHEUS = new Pod("Prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    private static final Pod OTHER_MONITORING_POD = new Pod("a non-Prometheus pod of the monitoring namespace",
            "monitoring", Map.of("app.kubernetes.io/name", "grafana"), Map.of());
    private static final Pod KUBE_DNS = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    private static final Pod CNPG_OPERATOR = new Pod("the CloudNativePG operator", "cnpg-system",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    private static final Pod STRANGER = new Pod("a pod of another namespace", "some-other-namespace",
            Map.of(), Map.of("http", 8080));
    private static final Pod INTERNET = Pod.outsideTheCluster("the internet", "203.0.113.10");

    /** A port of a pod, as a connection's destination. */
    private record Target(Pod pod, int port, String protocol) {
        @Override
        public String toString() {
            return pod.description() + ":" + port + ("TCP".equals(protocol) ? "" : "/" + protocol);
        }
    }

    private record Call(Pod from, Target to) {
    }

    /**
     * The NetworkPolicies (with the one the Keycloak operator creates) must allow exactly the
     * connections the configuration makes, in both directions: a sender's egress and the
     * receiver's ingress. Checked are every connection to a pod of the overlay and every
     * connection from the services, whose egress is default-deny: one Deployment reaches
     * another only if its configuration holds that Service's URL, PostgreSQL only with a JDBC
     * URL, Keycloak only with a Keycloak URL, kube-dns when it calls anything by name, and
     * nothing outside the cluster. Prometheus reaches the ports the pods ask it to scrape.
     */
    private void networkPolicies() {
        defaultDenies();
        List<ObjectNode> model = new ArrayList<>(docs);
        model.addAll(keycloakOperatorPolicies());
        NetworkReachability network = new NetworkReachability(model);

        Map<ObjectNode, Pod> apps = new LinkedHashMap<>();
        Map<ObjectNode, Target> appTargets = new LinkedHashMap<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            Map<String, Integer> named = namedPorts(deployment);
            Pod pod = new Pod(Yaml.id(deployment), namespace, podLabels(deployment), named);
            apps.put(deployment, pod);
            appTargets.put(deployment, new Target(pod, named.values().stream().findFirst().orElse(0), "TCP"));
        }
        Map<Call, String> expected = new LinkedHashMap<>();
        List<Target> ours = new ArrayList<>(appTargets.values());
        List<Pod> senders = new ArrayList<>(apps.values());
        senders.addAll(List.of(INGRESS_CONTROLLER, PROMETHEUS, OTHER_MONITORING_POD, CNPG_OPERATOR, STRANGER));
        Set<String> ingressBackends = ingressBackendDeployments();
        Map<String, Set<Integer>> scraped = scrapedDeployments();

        // The services: whom their configuration calls, who routes to or scrapes them.
        Map<String, Map<String, String>> configs = effectiveConfigs();
        apps.forEach((caller, from) -> {
            Set<String> hosts = new HashSet<>();
            configs.getOrDefault(Yaml.id(caller), Map.of()).values().forEach(v -> hosts.addAll(hostsIn(v)));
            appTargets.forEach((target, to) -> {
                if (target != caller && hosts.stream().anyMatch(serviceNamesOf(target)::contains)) {
                    expected.put(new Call(from, to), "its configuration calls it");
                }
            });
            // an *_ENDPOINT setting names a store outside the cluster that the service calls (e.g. the S3 API of
            // catalog-service's media store); issuer URLs and the like are only compared, never called
            boolean callsOutside = configs.getOrDefault(Yaml.id(caller), Map.of()).entrySet().stream()
                    .anyMatch(e -> e.getKey().endsWith("_ENDPOINT") && e.getValue().startsWith("https://"));
            if (callsOutside) {
                expected.put(new Call(from, new Target(INTERNET, 443, "TCP")), "its configuration names an endpoint outside the cluster");
            }
            // reminder mail goes to the SMTP relay the configuration names (outside unless it is one of our Services)
            Map<String, String> config = configs.getOrDefault(Yaml.id(caller), Map.of());
            String relay = config.get("QUARKUS_MAILER_HOST");
            if (relay != null && find("Service", relay).isEmpty()) {
                int port = Integer.parseInt(config.getOrDefault("QUARKUS_MAILER_PORT", "25"));
                expected.put(new Call(from, new Target(INTERNET, port, "TCP")), "it sends mail through the SMTP relay its configuration names");
            }
            // Web Push goes to whichever push service each browser names (FCM, Mozilla, Apple...): HTTPS anywhere
            if (envNames(caller).contains("SPINEWISE_PUSH_VAPID_PRIVATE_KEY")) {
                expected.put(new Call(from, new Target(INTERNET, 443, "TCP")), "it delivers Web Push reminders to the browsers' push services");
            }
            if (!hosts.isEmpty()) {
                expected.put(new Call(from, new Target(KUBE_DNS, 53, "UDP")), "it resolves the names it calls");
                expected.put(new Call(from, new Target(KUBE_DNS, 53, "TCP")), "it resolves the names it calls");
            }
        });
        appTargets.forEach((deployment, to) -> {
            if (ingressBackends.contains(Yaml.name(deployment))) {
                expected.put(new Call(INGRESS_CONTROLLER, to), "an Ingress routes to it");
            }
            for (int port : scraped.getOrDefault(Yaml.name(deployment), Set.of())) {
                Target metrics = new Target(to.pod(), port, "TCP");
                if (!ours.contains(metrics)) {
                    ours.add(metrics); // a port of its own for metrics (web-ui's management port): nobody else may reach it
                }
                expected.put(new Call(PROMETHEUS, metrics), "Prometheus scrapes its /q/metrics");
            }
        });

        // Keycloak: called by the services that hold its URL, routed to, scraped on 9000.
        Map<String, Pod> keycloakPods = new LinkedHashMap<>();
        for (ObjectNode keycloak : ofKind("Keycloak")) {
            String name = Yaml.name(keycloak);
            Pod server = new Pod(Yaml.id(keycloak), namespace, keycloakLabels(name, "keycloak"), Map.of());
            keycloakPods.put(name, server);
            senders.add(server);
            Target http = new Target(server, keycloak.path("spec").path("http").path("httpPort").asInt(8080), "TCP");
            Target management = new Target(server,
                    keycloak.path("spec").path("httpManagement").path("port").asInt(9000), "TCP");
            ours.add(http);
            ours.add(management);
            apps.forEach((caller, from) -> {
                boolean calls = configs.getOrDefault(Yaml.id(caller), Map.of()).values().stream()
                        .anyMatch(v -> hostsIn(v).contains(name + "-service"));
                if (calls) {
                    expected.put(new Call(from, http), "its configuration calls Keycloak");
                }
            });
            if (ingressRoutesTo(name + "-service")) {
                expected.put(new Call(INGRESS_CONTROLLER, http), "an Ingress routes to it");
            }
            if (keycloakOption(keycloak, "metrics-enabled").filter("true"::equals).isPresent()) {
                expected.put(new Call(PROMETHEUS, management), "Prometheus scrapes Keycloak's /metrics");
            }
        }

        // PostgreSQL: its clients, its own replicas and its operator.
        for (ObjectNode cluster : ofKind("Cluster")) {
            String name = Yaml.name(cluster);
            Pod primary = new Pod(Yaml.id(cluster), namespace,
                    Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "primary"), Map.of());
            Pod replica = new Pod(Yaml.id(cluster) + " replica", namespace,
                    Map.of("cnpg.io/cluster", name, "cnpg.io/instanceRole", "replica"), Map.of());
            senders.add(replica);
            Target postgres = new Target(primary, 5432, "TCP");
            Target status = new Target(primary, 8000, "TCP");
            ours.add(postgres);
            ours.add(status);
            Set<String> hosts = Set.of(name + "-rw", name + "-ro", name + "-r");
            apps.forEach((caller, from) -> {
                boolean uses = configs.getOrDefault(Yaml.id(caller), Map.of()).values().stream()
                        .anyMatch(v -> v.startsWith("jdbc:") && hostsIn(v).stream().anyMatch(hosts::contains));
                if (uses) {
                    expected.put(new Call(from, postgres), "it holds a JDBC URL of it");
                }
            });
            for (ObjectNode keycloak : ofKind("Keycloak")) {
                if (hosts.contains(Yaml.text(keycloak, "spec.db.host").orElse(""))) {
                    expected.put(new Call(keycloakPods.get(Yaml.name(keycloak)), postgres), "Keycloak stores its data there");
                    if (ofKind("KeycloakRealmImport").stream().anyMatch(i ->
                            Yaml.name(keycloak).equals(Yaml.text(i, "spec.keycloakCRName").orElse("")))) {
                        Pod job = new Pod("the realm-import Job of " + Yaml.id(keycloak), namespace,
                                keycloakLabels(Yaml.name(keycloak), "keycloak-realm-import"), Map.of());
                        senders.add(job);
                        expected.put(new Call(job, postgres), "the realm import writes the realm into Keycloak's database");
                    }
                }
            }
            expected.put(new Call(replica, postgres), "replicas stream from the primary");
            expected.put(new Call(replica, status), "the instances report their status to each other");
            expected.put(new Call(CNPG_OPERATOR, postgres), "the operator manages roles and databases");
            expected.put(new Call(CNPG_OPERATOR, status), "the operator polls the instance status");
        }

        // Every sender against every port of the overlay, and the services against the outside.
        for (Target to : ours) {
            for (Pod from : senders) {
                if (from != to.pod()) {
                    expectReach(network, new Call(from, to), expected);
                }
            }
        }
        Set<Target> outside = new LinkedHashSet<>(List.of(new Target(KUBE_DNS, 53, "UDP"),
                new Target(KUBE_DNS, 53, "TCP"), new Target(INTERNET, 443, "TCP"), new Target(INTERNET, 25, "TCP"),
                new Target(INTERNET, 587, "TCP"), new Target(STRANGER, 8080, "TCP")));
        expected.keySet().stream().map(Call::to).filter(t -> t.pod() == INTERNET).forEach(outside::add);
        for (Pod from : apps.values()) {
            for (Target to : outside) {
                expectReach(network, new Call(from, to), expected);
            }
        }
    }

    /** Default deny: ingress for every pod of the namespace, egress for every Deployment. */
    private void defaultDenies() {
        boolean ingress = ofKind("NetworkPolicy").stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && !p.path("spec").has("ingress") && policyTypes(p).contains("Ingress"));
        if (!ingress) {
            problem("no default-deny NetworkPolicy (podSelector: {} without ingress rules)");
        }
        for (ObjectNode deployment : ofKind("Deployment")) {
            boolean egress = ofKind("NetworkPolicy").stream().anyMatch(p -> !p.path("spec").has("egress")
                    && policyTypes(p).contains("Egress")
                    && Selectors.selects(p.path("spec").path("podSelector"), podLabels(deployment)));
            if (!egress) {
                problem("no default-deny egress NetworkPolicy (policyTypes [Egress], no egress rules) selects "
                        + Yaml.id(deployment));
            }
        }
    }

    /** policyTypes as Kubernetes defaults it: Ingress, plus Egress when there are egress rules. */
    private static Set<String> policyTypes(JsonNode policy) {
        Set<String> types = new HashSet<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty()) {
            types.add("Ingress");
            if (policy.path("spec").has("egress")) {
                types.add("Egress");
            }
        }
        return types;
    }

    private void expectReach(NetworkReachability network, Call call, Map<Call, String> expected) {
        boolean actual = network.canReach(call.from(), call.to().pod(), call.to().port(), call.to().protocol());
        String because = expected.get(call);
        if (actual && because == null) {
            problem("NetworkPolicies let " + call.from().description() + " reach " + call.to()
                    + ", which nothing in the configuration needs");
        } else if (!actual && because != null) {
            problem("NetworkPolicies block " + call.from().description() + " -> " + call.to() + ", but " + because);
        }
    }

    /**
     * The NetworkPolicy the Keycloak operator creates for each Keycloak with networkPolicy
     * enabled (KeycloakNetworkPolicyDependentResource): the HTTP and management ports, each
     * open to its listed peers or, without peers, to everyone. Its JGroups rule between the
     * Keycloak pods is left out: no check probes that port.
     */
    private List<ObjectNode> keycloakOperatorPolicies() {
        List<ObjectNode> policies = new ArrayList<>();
        for (ObjectNode keycloak : ofKind("Keycloak")) {
            JsonNode settings = Yaml.at(keycloak, "spec.networkPolicy");
            if (!settings.path("enabled").asBoolean(true)) {
                continue;
            }
            ObjectNode policy = Yaml.MAPPER.createObjectNode();
            policy.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
            policy.putObject("metadata").put("name", Yaml.name(keycloak) + "-network-policy").put("namespace", namespace);
            ObjectNode spec = policy.putObject("spec");
            ObjectNode selector = spec.putObject("podSelector").putObject("matchLabels");
            keycloakLabels(Yaml.name(keycloak), "keycloak").forEach(selector::put);
            spec.putArray("policyTypes").add("Ingress");
            ArrayNode rules = spec.putArray("ingress");
            addRule(rules, keycloak.path("spec").path("http").path("httpPort").asInt(8080), settings.path("http"));
            addRule(rules, keycloak.path("spec").path("httpManagement").path("port").asInt(9000),
                    settings.path("management"));
            policies.add(policy);
        }
        return policies;
    }

    private static void addRule(ArrayNode rules, int port, JsonNode peers) {
        ObjectNode rule = rules.addObject();
        rule.putArray("ports").addObject().put("port", port).put("protocol", "TCP");
        if (peers.isArray() && !peers.isEmpty()) {
            rule.set("from", peers.deepCopy());
        }
    }

    /** The labels the Keycloak operator gives its pods; the realm-import Job's differ in app only. */
    private static Map<String, String> keycloakLabels(String keycloak, String app) {
        return Map.of("app", app, "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/component", "server");
    }

    private static Optional<String> keycloakOption(ObjectNode keycloak, String name) {
        for (JsonNode option : Yaml.at(keycloak, "spec.additionalOptions")) {
            if (name.equals(option.path("name").asText())) {
                return Optional.of(option.path("value").asText());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Integer> namedPorts(JsonNode deployment) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (JsonNode container : Yaml.at(deployment, "spec.template.spec.containers")) {
            for (JsonNode port : container.path("ports")) {
                named.put(port.path("name").asText(), port.path("containerPort").asInt());
            }
        }
        return named;
    }

    /** The port Prometheus scrapes by annotation: the prometheus.io/port annotation, else the first container port. */
    private static int scrapePort(JsonNode deployment) {
        String annotated = Yaml.at(deployment, "spec.template.metadata.annotations").path("prometheus.io/port").asText("");
        return annotated.isEmpty() ? namedPorts(deployment).values().stream().findFirst().orElse(0)
                : Integer.parseInt(annotated);
    }

    /**
     * The container ports Prometheus scrapes, by Deployment: the annotated port of pods that carry
     * prometheus.io/scrape "true", and for a Service a ServiceMonitor selects, the container port behind each
     * Service port the monitor's endpoints name (its targetPort, by name or number).
     */
    private Map<String, Set<Integer>> scrapedDeployments() {
        Map<String, Set<Integer>> scraped = new HashMap<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            if ("true".equals(Yaml.at(deployment, "spec.template.metadata.annotations").path("prometheus.io/scrape").asText())) {
                scraped.computeIfAbsent(Yaml.name(deployment), d -> new LinkedHashSet<>()).add(scrapePort(deployment));
            }
        }
        for (ObjectNode monitor : ofKind("ServiceMonitor")) {
            for (ObjectNode service : servicesSelectedBy(monitor)) {
                for (JsonNode endpoint : Yaml.at(monitor, "spec.endpoints")) {
                    stream(service.path("spec").path("ports"))
                            .filter(p -> endpoint.path("port").asText().equals(p.path("name").asText()))
                            .forEach(servicePort -> deploymentsSelectedBy(service.path("spec").path("selector"), true)
                                    .forEach(d -> scraped.computeIfAbsent(Yaml.name(d), n -> new LinkedHashSet<>())
                                            .add(containerPort(d, servicePort))));
                }
            }
        }
        return scraped;
    }

    /** The container port a Service port sends to: its targetPort by name or number, else its port. */
    private static int containerPort(JsonNode deployment, JsonNode servicePort) {
        JsonNode target = servicePort.path("targetPort");
        if (target.isTextual() && !target.asText().matches("\\d+")) {
            return namedPorts(deployment).getOrDefault(target.asText(), 0);
        }
        return target.isMissingNode() ? servicePort.path("port").asInt() : target.asInt();
    }

    private List<ObjectNode> servicesSelectedBy(ObjectNode monitor) {
        JsonNode selector = Yaml.at(monitor, "spec.selector");
        return ofKind("Service").stream()
                .filter(s -> !selector.isEmpty() && Selectors.selects(selector, Selectors.labels(s.path("metadata").path("labels"))))
                .toList();
    }

    /** Each ServiceMonitor selects Services of the overlay and scrapes /q/metrics on a port they name. */
    private void serviceMonitors() {
        for (ObjectNode monitor : ofKind("ServiceMonitor")) {
            List<ObjectNode> services = servicesSelectedBy(monitor);
            if (services.isEmpty()) {
                problem(Yaml.id(monitor) + " selects no Service of this overlay");
            }
            if (Yaml.at(monitor, "spec.endpoints").isEmpty()) {
                problem(Yaml.id(monitor) + " has no endpoints to scrape");
            }
            for (ObjectNode service : services) {
                // a module without a Prometheus registry serves no /q/metrics
                String module = Yaml.name(service);
                if (Repo.path(module + "/pom.xml").toFile().isFile()
                        && !Repo.read(module + "/pom.xml").contains("quarkus-micrometer-registry-prometheus")) {
                    problem(Yaml.id(monitor) + " scrapes " + Yaml.id(service) + ", but " + module
                            + " has no Prometheus registry: it serves no /q/metrics");
                }
            }
            for (JsonNode endpoint : Yaml.at(monitor, "spec.endpoints")) {
                if (!"/q/metrics".equals(endpoint.path("path").asText())) {
                    problem(Yaml.id(monitor) + " scrapes " + endpoint.path("path").asText("/metrics")
                            + ", but the services serve /q/metrics");
                }
                for (ObjectNode service : services) {
                    boolean named = stream(service.path("spec").path("ports"))
                            .anyMatch(p -> endpoint.path("port").asText().equals(p.path("name").asText()));
                    if (!named) {
                        problem(Yaml.id(monitor) + ": " + Yaml.id(service) + " has no port named "
                                + endpoint.path("port").asText());
                    }
                    if (ingressRoutesToPort(service, endpoint.path("port").asText())) {
                        problem(Yaml.id(monitor) + " scrapes " + Yaml.id(service) + "'s port " + endpoint.path("port").asText()
                                + ", which an Ingress routes to: /q/metrics would be public");
                    }
                }
            }
        }
    }

    /** Whether an Ingress routes to this Service port (by its name or its number). */
    private boolean ingressRoutesToPort(JsonNode service, String portName) {
        int number = stream(service.path("spec").path("ports")).filter(p -> portName.equals(p.path("name").asText()))
                .mapToInt(p -> p.path("port").asInt()).findFirst().orElse(-1);
        return ofKind("Ingress").stream().flatMap(i -> stream(i.path("spec").path("rules")))
                .flatMap(r -> stream(r.path("http").path("paths")))
                .map(p -> p.path("backend").path("service"))
                .filter(backend -> Yaml.name(service).equals(backend.path("name").asText()))
                .anyMatch(backend -> portName.equals(backend.path("port").path("name").asText())
                        || backend.path("port").path("number").asInt(-2) == number);
    }

    private boolean ingressRoutesTo(String serviceName) {
        return ofKind("Ingress").stream().flatMap(i -> stream(i.path("spec").path("rules")))
                .flatMap(r -> stream(r.path("http").path("paths")))
                .anyMatch(p -> serviceName.equals(p.path("backend").path("service").path("name").asText()));
    }

    private Set<String> serviceNamesOf(ObjectNode deployment) {
        Set<String> names = new HashSet<>();
        for (ObjectNode service : ofKind("Service")) {
            JsonNode selector = service.path("spec").path("selector");
            if (!selector.isEmpty() && Selectors.mapSelects(selector, podLabels(deployment))) {
                names.add(Yaml.name(service));
            }
        }
        return names;
    }

    private Set<String> ingressBackendDeployments() {
        Set<String> backends = new HashSet<>();
        for (ObjectNode ingress : ofKind("Ingress")) {
            walk(ingress, (key, value) -> {
                if ("service".equals(key) && value.has("name")) {
                    find("Service", value.path("name").asText()).ifPresent(service ->
                            deploymentsSelectedBy(service.path("spec").path("selector"), true)
                                    .forEach(d -> backends.add(Yaml.name(d))));
                }
            });
        }
        return backends;
    }

    private static Set<String> hostsIn(String value) {
        Set<String> hosts = new HashSet<>();
        Matcher m = URL_HOST.matcher(value);
        while (m.find()) {
            hosts.add(m.group(1));
        }
        return hosts;
    }

    /** The names of every environment variable a Deployment's containers set, whatever their source. */
    private static Set<String> envNames(ObjectNode deployment) {
        Set<String> names = new HashSet<>();
        for (JsonNode container : Yaml.at(deployment, "spec.template.spec.containers")) {
            container.path("env").forEach(env -> names.add(env.path("name").asText()));
        }
        return names;
    }

    /**
     * Each Deployment's environment as the container will see it: its ConfigMaps (envFrom) and
     * its literal env values, keyed by "Deployment/name".
     */
    private Map<String, Map<String, String>> effectiveConfigs() {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            Map<String, String> config = new LinkedHashMap<>();
            for (JsonNode container : Yaml.at(deployment, "spec.template.spec.containers")) {
                for (JsonNode source : container.path("envFrom")) {
                    String name = source.path("configMapRef").path("name").asText(null);
                    if (name != null) {
                        find("ConfigMap", name).ifPresent(cm -> cm.path("data").fields()
                                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText())));
                    }
                }
                for (JsonNode env : container.path("env")) {
                    if (env.has("value")) {
                        config.put(env.path("name").asText(), env.path("value").asText());
                    }
                }
            }
            configs.put(Yaml.id(deployment), config);
        }
        return configs;
    }

    // --- tree helpers ----------------------------------------------------------------------------

    interface FieldVisitor {
        void visit(String key, JsonNode value);
    }

    /** Visits every field of every mapping in the tree, depth first. */
    static void walk(JsonNode node, FieldVisitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                visitor.visit(e.getKey(), e.getValue());
                walk(e.getValue(), visitor);
            });
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visitor));
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
