package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Every deployment's Keycloak carries the enrolment extension (plan-service cannot enrol without
 * it): compose and the operator run the same image, built on the Keycloak the extension was
 * compiled against, with the jar the module builds in {@code providers/}.
 */
class KeycloakImageTest {

    private static final String DOCKERFILE = "keycloak-enrolment/src/main/docker/Dockerfile";
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    static List<String> overlays() {
        return Overlays.NAMES;
    }

    @Test
    void theImageIsTheKeycloakTheExtensionIsBuiltAgainstWithTheExtensionInProviders() {
        String dockerfile = Repo.read(DOCKERFILE);
        Matcher from = FROM.matcher(dockerfile);
        assertThat(from.find()).as("FROM in " + DOCKERFILE).isTrue();
        assertThat(from.group(1)).isEqualTo("quay.io/keycloak/keycloak:" + keycloakVersion());

        Matcher copy = COPY.matcher(dockerfile);
        assertThat(copy.find()).as("COPY in " + DOCKERFILE).isTrue();
        assertThat(copy.group(1)).isEqualTo("target/" + extensionJar());
        assertThat(copy.group(2)).startsWith("/opt/keycloak/providers/");
        // not augmented in the image, so no deployment may start it with --optimized
        assertThat(dockerfile).doesNotContainPattern("(?m)^RUN .*kc\\.sh build");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOperatorRunsTheSameImageAsComposeAndLetsKeycloakBuildWithIt(String overlay) {
        List<ObjectNode> keycloaks = Overlays.render(overlay).stream()
                .filter(doc -> Yaml.kind(doc).equals("Keycloak")).toList();
        assertThat(keycloaks).hasSize(1);
        ObjectNode keycloak = keycloaks.get(0);
        assertThat(keycloak.at("/spec/image").asText()).isEqualTo(composeKeycloakImage());
        assertThat(keycloak.at("/spec/startOptimized").isBoolean()).as("spec.startOptimized set").isTrue();
        assertThat(keycloak.at("/spec/startOptimized").asBoolean()).isFalse();
    }

    @Test
    void theImageTagNamesTheKeycloakVersion() {
        assertThat(composeKeycloakImage()).startsWith("ghcr.io/spinewise/keycloak:" + keycloakVersion() + "-");
    }

    @SuppressWarnings("unchecked")
    private static String composeKeycloakImage() {
        Map<String, Object> compose = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(Repo.read("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return (String) ((Map<String, Object>) services.get("keycloak")).get("image");
    }

    private static String keycloakVersion() {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(Repo.read("pom.xml"));
        assertThat(version.find()).as("keycloak.version in the parent pom").isTrue();
        return version.group(1);
    }

    private static String extensionJar() {
        Matcher name = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Repo.read("keycloak-enrolment/pom.xml"));
        assertThat(name.find()).as("finalName in keycloak-enrolment/pom.xml").isTrue();
        return name.group(1) + ".jar";
    }
}
