package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as compose would read it: services, images, health, order, limits, settings. */
class DockerComposeTest {

    private static final Set<String> QUARKUS_SERVICES = Set.of("catalog-service", "plan-service", "web-ui");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:[:?-][^}]*)?}");

    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() {
        compose = new Yaml(new LoaderOptions()).load(Repo.read("docker-compose.yml"));
        services = new LinkedHashMap<>();
        ((Map<String, Object>) compose.get("services")).forEach((name, body) -> services.put(name, (Map<String, Object>) body));
    }

    @Test
    void runsTheDatabaseKeycloakAndTheThreeServices() {
        assertThat(services).containsOnlyKeys("postgres", "keycloak", "catalog-service", "plan-service", "web-ui");
    }

    @Test
    void everyServiceHasAPinnedImageOrABuild() {
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name + " image or build").isTrue();
            if (service.containsKey("image")) {
                assertThat(ImageRef.parse((String) service.get("image")).pinned()).as(name + " image pinned").isTrue();
            }
        });
        for (String name : QUARKUS_SERVICES) {
            Map<String, Object> build = map(services.get(name).get("build"));
            Path context = Repo.path((String) build.get("context"));
            assertThat(context.resolve((String) build.get("dockerfile"))).as(name + " Dockerfile").isRegularFile();
            assertThat((String) services.get(name).get("image")).startsWith("ghcr.io/spinewise/" + name + ":");
        }
        // Keycloak with the enrolment extension, built from keycloak-enrolment (KeycloakImageTest checks the Dockerfile)
        assertThat((String) services.get("keycloak").get("image")).startsWith("ghcr.io/spinewise/keycloak:26.7.");
        Map<String, Object> keycloakBuild = map(services.get("keycloak").get("build"));
        assertThat((String) keycloakBuild.get("context")).isEqualTo("./keycloak-enrolment");
        assertThat(Repo.path("keycloak-enrolment").resolve((String) keycloakBuild.get("dockerfile"))).isRegularFile();
    }

    @Test
    void everyLocalhostSettingOfAServiceIsOverridden() {
        for (String name : QUARKUS_SERVICES) {
            Map<String, Object> environment = map(services.get(name).get("environment"));
            assertThat(environment.keySet()).as(name + ": environment overriding the localhost settings of application.properties")
                    .containsAll(LocalDefaults.of(name).keySet());
        }
    }

    @Test
    void everyServiceHasAHealthCheckOnItsHealthEndpoints() {
        services.forEach((name, service) -> assertThat(map(service.get("healthcheck")).get("test"))
                .as(name + " healthcheck").isNotNull());
        for (String name : QUARKUS_SERVICES) {
            String test = String.join(" ", list(map(services.get(name).get("healthcheck")).get("test")));
            assertThat(test).as(name).contains("/q/health/live", "/q/health/ready");
        }
        assertThat(String.join(" ", list(map(services.get("keycloak").get("healthcheck")).get("test"))))
                .contains("/health/ready");
    }

    @Test
    void dependenciesExistAreHealthyAndHaveNoCycle() {
        services.forEach((name, service) -> map(service.getOrDefault("depends_on", Map.of())).forEach((target, how) -> {
            assertThat(services.keySet()).as(name + " depends on " + target).contains(target);
            assertThat(map(how).get("condition")).as(name + " -> " + target).isEqualTo("service_healthy");
            assertThat(services.get(target)).as(target + " healthcheck").containsKey("healthcheck");
        }));
        for (String name : services.keySet()) {
            assertThat(reachesItself(name, name, new HashSet<>())).as("dependency cycle through " + name).isFalse();
        }
        assertThat(map(services.get("web-ui").get("depends_on"))).containsKeys("keycloak", "catalog-service", "plan-service");
        assertThat(map(services.get("keycloak").get("depends_on"))).containsKey("postgres");
    }

    /**
     * Metrics and health answer on the services' own ports (the prod profile serves no OpenAPI document or
     * Swagger UI): that is only not public while every published port binds the host's loopback, behind
     * the TLS proxy an operator puts in front.
     */
    @Test
    void everyPublishedPortIsOnTheHostsLoopbackOnly() {
        services.forEach((name, service) -> list(service.get("ports")).forEach(port ->
                assertThat(String.valueOf(port)).as(name + " publishes " + port).startsWith("127.0.0.1:")));
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        services.forEach((name, service) -> {
            Object limit = map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory");
            assertThat(limit != null || service.containsKey("mem_limit")).as(name + " memory limit").isTrue();
        });
    }

    @Test
    void theDatabaseKeepsItsDataInANamedVolume() {
        Map<String, Object> volumes = map(compose.get("volumes"));
        List<String> mounts = list(services.get("postgres").get("volumes"));
        assertThat(mounts).anySatisfy(mount -> {
            String source = mount.substring(0, mount.indexOf(':'));
            assertThat(volumes).containsKey(source);
            assertThat(mount).endsWith(":/var/lib/postgresql");
        });
    }

    @Test
    void keycloakRunsInProductionModeOnPostgres() {
        Map<String, Object> keycloak = services.get("keycloak");
        assertThat(list(keycloak.get("command"))).contains("start").doesNotContain("start-dev");
        Map<String, Object> env = map(keycloak.get("environment"));
        assertThat(env.get("KC_DB")).isEqualTo("postgres");
        assertThat(env).containsKeys("KC_HOSTNAME", "KC_DB_URL", "KC_DB_PASSWORD", "KC_HEALTH_ENABLED");
        assertThat(list(keycloak.get("volumes"))).anySatisfy(v -> assertThat(v).contains("/opt/keycloak/data/import/"));
    }

    @Test
    void keycloakGetsAValueForEveryPlaceholderOfBothRealmFiles() {
        Map<String, Object> env = map(services.get("keycloak").get("environment"));
        for (String realm : List.of("config/keycloak/realm-clinic.json", "config/keycloak/realm-clinic-dev.json")) {
            if (Files.isRegularFile(Repo.path(realm))) {
                assertThat(env.keySet()).as("Keycloak environment for " + realm)
                        .containsAll(RealmImport.placeholders(Repo.read(realm)));
            }
        }
    }

    @Test
    void servicesAreConfiguredThroughTheAgreedEnvironmentVariables() {
        for (String name : List.of("catalog-service", "plan-service")) {
            assertThat(map(services.get(name).get("environment"))).as(name).containsKeys(
                    "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER");
        }
        assertThat(map(services.get("plan-service").get("environment"))).containsKeys("QUARKUS_REST_CLIENT_CATALOG_URL",
                "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_CLIENT_ID", "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
        assertThat(map(services.get("web-ui").get("environment"))).containsKeys("QUARKUS_OIDC_AUTH_SERVER_URL",
                "QUARKUS_OIDC_TOKEN_ISSUER", "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET",
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", "QUARKUS_REST_CLIENT_CATALOG_URL",
                "QUARKUS_REST_CLIENT_PLAN_URL");
    }

    @Test
    void servicesRunAsTheirRuntimeRoleAndMigrateAsTheOwner() {
        String init = Repo.read("docker-compose.yml");
        for (String database : List.of("catalog", "plan")) {
            Map<String, Object> env = map(services.get(database + "-service").get("environment"));
            String runtime = database + "_app";
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as(database + "-service's runtime role").isEqualTo(runtime);
            assertThat(env.get("QUARKUS_FLYWAY_USERNAME")).as(database + "-service's migration role").isEqualTo(database);
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as("the two roles' passwords")
                    .isNotEqualTo(env.get("QUARKUS_FLYWAY_PASSWORD"));
            // the init script creates the runtime role without any special attribute and makes it owner of nothing
            assertThat(init).containsPattern("CREATE ROLE " + runtime + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                            + " NOBYPASSRLS PASSWORD")
                    .contains("CREATE DATABASE " + database + " OWNER " + database + ";")
                    .contains("GRANT CONNECT ON DATABASE " + database + " TO " + runtime + ";")
                    .doesNotContain("OWNER " + runtime)
                    // a member of the owner role would hold the owner's rights
                    .doesNotContain("GRANT " + database + " TO " + runtime);
        }
    }

    @Test
    void everyVariableComesFromTheCommittedExampleEnvironment() throws Exception {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(Repo.read("docker-compose.yml").replace("$$", ""));
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> defined = new TreeSet<>();
        for (String line : Files.readAllLines(Repo.path(".env.example"))) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                defined.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(defined).as("variables in .env.example").isEqualTo(used);
        assertThat(Repo.path(".env")).as("a real .env is never committed").satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(),
                p -> assertThat(Repo.read(".gitignore")).contains(".env"));
    }

    private static boolean reachesItself(String start, String at, Set<String> seen) {
        for (String next : map(services.get(at).getOrDefault("depends_on", Map.of())).keySet()) {
            if (next.equals(start) || (seen.add(next) && services.containsKey(next) && reachesItself(start, next, seen))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value instanceof List ? (List<String>) value : List.of();
    }
}
