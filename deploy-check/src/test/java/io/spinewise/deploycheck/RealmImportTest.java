package io.spinewise.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** k8s/base/keycloak/realm-import.yaml must carry exactly the production realm of config/keycloak/. */
class RealmImportTest {

    @Test
    void realmImportIsGeneratedFromTheProductionRealm() throws Exception {
        assumeTrue(Files.isRegularFile(Repo.path(RealmImport.SOURCE)), RealmImport.SOURCE + " does not exist yet");
        String json = Repo.read(RealmImport.SOURCE);
        String expected = RealmImport.generate(json);

        if (Boolean.getBoolean("spinewise.regenerate")) {
            Files.writeString(Repo.path(RealmImport.TARGET), expected, StandardCharsets.UTF_8);
        }

        // A short message rather than two realm dumps: the fix is always the same command.
        assertThat(Repo.read(RealmImport.TARGET).equals(expected))
                .as(RealmImport.TARGET + " is stale: run ./mvnw -f deploy-check/pom.xml test"
                        + " -Dtest=RealmImportTest -Dspinewise.regenerate=true")
                .isTrue();
    }

    @Test
    void generatedImportParsesBackToTheSameRealm() throws Exception {
        String json = """
                {"realm": "clinic", "enabled": true, "sslRequired": "external", "accessTokenLifespan": 300,
                 "clients": [{"clientId": "web-ui", "secret": "${WEB_UI_CLIENT_SECRET}", "attributes": {"on": "yes"}}],
                 "components": {"x": [{"config": {"text": ["${email}", "null", "0.1"]}}]}}
                """;

        JsonNode doc = Yaml.readOne(RealmImport.generate(json), "generated");

        assertThat(doc.path("spec").path("realm")).isEqualTo(new ObjectMapper().readTree(json));
        assertThat(doc.path("spec").path("placeholders").path("WEB_UI_CLIENT_SECRET").path("secret").path("name").asText())
                .isEqualTo(RealmImport.PLACEHOLDER_SECRET);
        assertThat(doc.path("apiVersion").asText()).isEqualTo(ManifestChecks.KNOWN_KINDS.get("KeycloakRealmImport"));
        assertThat(doc.path("spec").path("placeholders").has("email")).isFalse();
    }
}
