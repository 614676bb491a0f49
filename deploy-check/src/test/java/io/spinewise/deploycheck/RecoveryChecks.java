package io.spinewise.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The point-in-time recovery example ({@code k8s/restore/}) against the prod overlay it recovers:
 * a recovery bootstrap whose source is the prod Cluster's own archive in an ObjectStore that the
 * prod overlay defines, the same PostgreSQL image (WAL replays only into the same major), the same
 * name (the services' {@code spinewise-db-rw}), roles and no less storage, a recovery target time
 * PostgreSQL reads, and its own WAL archived under another serverName than the one it reads from.
 */
final class RecoveryChecks {

    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";
    private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSS]X");

    private final List<String> problems = new ArrayList<>();

    private RecoveryChecks() {
    }

    static List<String> check(List<ObjectNode> restore, List<ObjectNode> prod) {
        RecoveryChecks checks = new RecoveryChecks();
        checks.run(restore, prod);
        return checks.problems;
    }

    private void run(List<ObjectNode> restore, List<ObjectNode> prod) {
        List<ObjectNode> clusters = ofKind(restore, "Cluster");
        Optional<ObjectNode> origin = ofKind(prod, "Cluster").stream().findFirst();
        if (clusters.size() != 1 || origin.isEmpty()) {
            problems.add("k8s/restore must hold one Cluster, and prod one (found " + clusters.size() + ")");
            return;
        }
        ObjectNode cluster = clusters.get(0);
        String id = Yaml.id(cluster);
        restore.forEach(doc -> OperatorFields.check(doc).forEach(problems::add));
        if (!Yaml.name(cluster).equals(Yaml.name(origin.get()))) {
            problems.add(id + " is not named " + Yaml.name(origin.get()) + ": the services and Keycloak would not find it");
        }
        JsonNode bootstrap = cluster.path("spec").path("bootstrap");
        if (!bootstrap.has("recovery") || bootstrap.has("initdb")) {
            problems.add(id + " must bootstrap by recovery only (spec.bootstrap.recovery, no initdb)");
            return;
        }
        String image = Yaml.text(cluster, "spec.imageName").orElse("");
        if (!image.equals(Yaml.text(origin.get(), "spec.imageName").orElse(""))) {
            problems.add(id + " runs " + image + ", not prod's " + Yaml.text(origin.get(), "spec.imageName").orElse("?")
                    + ": WAL replays only into the same PostgreSQL");
        }
        String size = Yaml.text(cluster, "spec.storage.size").orElse("0");
        String prodSize = Yaml.text(origin.get(), "spec.storage.size").orElse("0");
        if (Quantity.parse(size) < Quantity.parse(prodSize)) {
            problems.add(id + " has storage " + size + ", less than prod's " + prodSize);
        }
        if (!roles(cluster).containsAll(roles(origin.get()))) {
            problems.add(id + " manages roles " + roles(cluster) + ", not all of prod's " + roles(origin.get()));
        }
        String time = Yaml.text(bootstrap, "recovery.recoveryTarget.targetTime").orElse("");
        try {
            OffsetDateTime.parse(time, TARGET_TIME);
        } catch (DateTimeParseException e) {
            problems.add(id + ": recoveryTarget.targetTime '" + time + "' is not a time like 2026-11-29 08:00:00.00000+00");
        }
        String source = Yaml.text(bootstrap, "recovery.source").orElse("");
        Optional<JsonNode> external = stream(Yaml.at(cluster, "spec.externalClusters"))
                .filter(e -> source.equals(e.path("name").asText())).findFirst();
        if (external.isEmpty()) {
            problems.add(id + ": recovery.source '" + source + "' is not one of spec.externalClusters");
            return;
        }
        JsonNode readFrom = external.get().path("plugin");
        Optional<JsonNode> archiver = stream(Yaml.at(origin.get(), "spec.plugins"))
                .filter(p -> p.path("isWALArchiver").asBoolean()).findFirst();
        if (!PLUGIN.equals(readFrom.path("name").asText()) || archiver.isEmpty()) {
            problems.add(id + ": recovers through " + readFrom.path("name").asText("nothing") + ", while prod archives "
                    + archiver.map(a -> "through " + a.path("name").asText()).orElse("nowhere"));
            return;
        }
        String store = readFrom.path("parameters").path("barmanObjectName").asText();
        if (!store.equals(archiver.get().path("parameters").path("barmanObjectName").asText())
                || ofKind(prod, "ObjectStore").stream().noneMatch(s -> store.equals(Yaml.name(s)))) {
            problems.add(id + " reads ObjectStore '" + store + "', not the one prod archives to");
        }
        String serverName = readFrom.path("parameters").path("serverName").asText();
        String archivedAs = serverName(archiver.get(), origin.get());
        if (!serverName.equals(archivedAs)) {
            problems.add(id + " reads serverName '" + serverName + "', but prod archives as '" + archivedAs + "'");
        }
        stream(Yaml.at(cluster, "spec.plugins")).filter(p -> p.path("isWALArchiver").asBoolean())
                .filter(p -> store.equals(p.path("parameters").path("barmanObjectName").asText()))
                .filter(p -> serverName(p, cluster).equals(serverName)).findFirst()
                .ifPresent(p -> problems.add(id + " would archive its WAL as '" + serverName
                        + "', over the backups it recovers from"));
    }

    /** The archive's folder in the store: the plugin's serverName, or the Cluster's name when none is given. */
    private static String serverName(JsonNode plugin, ObjectNode cluster) {
        String named = plugin.path("parameters").path("serverName").asText("");
        return named.isEmpty() ? Yaml.name(cluster) : named;
    }

    private static Set<String> roles(ObjectNode cluster) {
        Set<String> roles = new TreeSet<>();
        stream(Yaml.at(cluster, "spec.managed.roles")).forEach(r -> roles.add(r.path("name").asText()));
        return roles;
    }

    private static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(Yaml.kind(d))).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
