package io.spinewise.web.security;

import io.spinewise.testsupport.JarProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The packaged web-ui jar, run as the container images run it (the prod profile, no profile set):
 * with application.properties' development secrets it exits during start-up naming the property,
 * and with secrets of its own it starts; under the launcher's local profile the development secrets
 * still serve. Keycloak is absent; the readiness check does not need it.
 */
class ProductionSecretsIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    @Test
    void refusesToStartWithTheDevelopmentSessionKey() throws IOException {
        Map<String, String> properties = settings();
        properties.put("quarkus.oidc.credentials.secret", "a-client-secret-of-its-own");
        properties.put("quarkus.rest-csrf.token-signature-key", "r".repeat(40));
        // the session key stays application.properties' dev-only-... default
        Path log = Path.of("target", "production-secrets-dev.log");

        assertThatThrownBy(() -> start(properties, log)).hasMessageContaining("exited with 1 during start-up");
        String output = Files.readString(log);
        assertThat(output).contains("quarkus.oidc.token-state-manager.encryption-secret is a development value")
                .doesNotContain("dev-only-spinewise-session-key");
    }

    @Test
    void refusesToStartWithTheEnvExamplePlaceholderAsClientSecret() throws IOException {
        Map<String, String> properties = settings();
        properties.put("quarkus.oidc.credentials.secret", "change-me-web-ui-client");
        properties.put("quarkus.oidc.token-state-manager.encryption-secret", "s".repeat(40));
        properties.put("quarkus.rest-csrf.token-signature-key", "r".repeat(40));
        Path log = Path.of("target", "production-secrets-placeholder.log");

        assertThatThrownBy(() -> start(properties, log)).hasMessageContaining("exited with 1 during start-up");
        assertThat(Files.readString(log)).contains("quarkus.oidc.credentials.secret is a development value")
                .doesNotContain("change-me-web-ui-client");
    }

    @Test
    void startsWithSecretsOfItsOwn() {
        Map<String, String> properties = settings();
        properties.put("quarkus.oidc.credentials.secret", "a-client-secret-of-its-own");
        properties.put("quarkus.oidc.token-state-manager.encryption-secret", "s".repeat(40));
        properties.put("quarkus.rest-csrf.token-signature-key", "r".repeat(40));

        JarProcess web = start(properties, Path.of("target", "production-secrets-own.log"));
        try {
            assertThat(web.isAlive()).isTrue();
        } finally {
            web.stop();
        }
    }

    @Test
    void startsWithTheDevelopmentSecretsUnderTheLocalProfileOfSpinewiseUp() {
        Map<String, String> properties = settings();
        properties.put("quarkus.profile", "local");

        JarProcess web = start(properties, Path.of("target", "production-secrets-local.log"));
        try {
            assertThat(web.isAlive()).isTrue();
        } finally {
            web.stop();
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        // nothing listens on port 9: OIDC discovery fails, as before Keycloak is up
        properties.put("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/clinic");
        return properties;
    }

    private static JarProcess start(Map<String, String> properties, Path log) {
        int port = JarProcess.freePort();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.management.port", Integer.toString(JarProcess.freePort()));
        return JarProcess.start("web-ui", JAR, properties, URI.create("http://127.0.0.1:" + port + "/q/health/ready"),
                Duration.ofSeconds(60), log);
    }
}
