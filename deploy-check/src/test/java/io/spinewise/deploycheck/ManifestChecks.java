package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
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
            Map.entry("Keycloak", "k8s.keycloak.org/v2beta1"),
            Map.entry("KeycloakRealmImport", "k8s.keycloak.org/v2alpha1"));

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
                }
            }
        }));
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
                int pool = 100;
                for (JsonNode option : Yaml.at(keycloak, "spec.additionalOptions")) {
                    if ("db-pool-max-size".equals(option.path("name").asText())) {
                        pool = Integer.parseInt(option.path("value").asText());
                    }
                }
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

    // --- who may connect to whom ---------------------------------------------------------------

    /**
     * The NetworkPolicies must allow exactly the connections the configuration makes: a
     * Deployment reaches another one only if its configuration holds that Service's URL, the
     * database only if it holds a JDBC URL (or is Keycloak), web-ui only from the ingress
     * controller, and nothing from any other namespace.
     */
    private void networkPolicies() {
        boolean defaultDeny = ofKind("NetworkPolicy").stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && !p.path("spec").has("ingress"));
        if (!defaultDeny) {
            problem("no default-deny NetworkPolicy (podSelector: {} without ingress rules)");
        }
        NetworkReachability network = new NetworkReachability(docs);
        Map<String, NetworkReachability.Pod> pods = new LinkedHashMap<>();
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            Map<String, Integer> named = new LinkedHashMap<>();
            for (JsonNode container : Yaml.at(deployment, "spec.template.spec.containers")) {
                for (JsonNode port : container.path("ports")) {
                    named.put(port.path("name").asText(), port.path("containerPort").asInt());
                }
            }
            pods.put(Yaml.name(deployment), new NetworkReachability.Pod(Yaml.id(deployment), namespace, podLabels(deployment), named));
            servicePorts.put(Yaml.name(deployment), named.values().stream().findFirst().orElse(0));
        }
        NetworkReachability.Pod ingressController = new NetworkReachability.Pod("the ingress controller",
                "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
        NetworkReachability.Pod stranger = new NetworkReachability.Pod("a pod of another namespace",
                "some-other-namespace", Map.of(), Map.of());

        Map<String, Map<String, String>> configs = effectiveConfigs();
        Set<String> ingressBackends = ingressBackendDeployments();
        for (ObjectNode target : ofKind("Deployment")) {
            String targetName = Yaml.name(target);
            NetworkReachability.Pod to = pods.get(targetName);
            int port = servicePorts.get(targetName);
            Set<String> hosts = serviceNamesOf(target);
            for (ObjectNode caller : ofKind("Deployment")) {
                if (caller == target) {
                    continue;
                }
                boolean calls = configs.getOrDefault(Yaml.id(caller), Map.of()).values().stream()
                        .anyMatch(v -> hostsIn(v).stream().anyMatch(hosts::contains));
                expectReach(network, pods.get(Yaml.name(caller)), to, port, calls, "its configuration calls it");
            }
            expectReach(network, ingressController, to, port, ingressBackends.contains(targetName),
                    "an Ingress routes to it");
            expectReach(network, stranger, to, port, false, "");
        }
        for (ObjectNode cluster : ofKind("Cluster")) {
            NetworkReachability.Pod db = new NetworkReachability.Pod(Yaml.id(cluster), namespace,
                    Map.of("cnpg.io/cluster", Yaml.name(cluster), "cnpg.io/instanceRole", "primary"), Map.of());
            Set<String> hosts = Set.of(Yaml.name(cluster) + "-rw", Yaml.name(cluster) + "-ro", Yaml.name(cluster) + "-r");
            for (ObjectNode caller : ofKind("Deployment")) {
                boolean uses = configs.getOrDefault(Yaml.id(caller), Map.of()).values().stream()
                        .anyMatch(v -> v.startsWith("jdbc:") && hostsIn(v).stream().anyMatch(hosts::contains));
                expectReach(network, pods.get(Yaml.name(caller)), db, 5432, uses, "it holds a JDBC URL of it");
            }
            for (ObjectNode keycloak : ofKind("Keycloak")) {
                NetworkReachability.Pod keycloakPod = new NetworkReachability.Pod(Yaml.id(keycloak), namespace,
                        Map.of("app", "keycloak", "app.kubernetes.io/instance", Yaml.name(keycloak),
                                "app.kubernetes.io/managed-by", "keycloak-operator"), Map.of());
                boolean uses = hosts.contains(Yaml.text(keycloak, "spec.db.host").orElse(""));
                expectReach(network, keycloakPod, db, 5432, uses, "Keycloak stores its data there");
                if (defaultDeny && !Yaml.at(keycloak, "spec.networkPolicy.enabled").asBoolean(true)) {
                    problem(Yaml.id(keycloak) + ": the default-deny policy blocks Keycloak unless its operator's "
                            + "NetworkPolicy is enabled");
                }
            }
            NetworkReachability.Pod replica = new NetworkReachability.Pod(Yaml.id(cluster) + " replica", namespace,
                    Map.of("cnpg.io/cluster", Yaml.name(cluster), "cnpg.io/instanceRole", "replica"), Map.of());
            expectReach(network, replica, db, 5432, true, "replicas stream from the primary");
            expectReach(network, stranger, db, 5432, false, "");
        }
    }

    private void expectReach(NetworkReachability network, NetworkReachability.Pod from, NetworkReachability.Pod to,
            int port, boolean expected, String because) {
        boolean actual = network.canReach(from, to, port);
        if (actual && !expected) {
            problem("NetworkPolicies let " + from.description() + " reach " + to.description() + ":" + port
                    + ", which nothing in the configuration needs");
        } else if (!actual && expected) {
            problem("NetworkPolicies block " + from.description() + " -> " + to.description() + ":" + port
                    + ", but " + because);
        }
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
